// The buflsp extension: a language client for `buflsp serve` on Lua (and Luau) files, plus commands to
// restart it, show its output and evaluate code in the server's sandbox. It never registers the Lua
// language itself, so it works next to other Lua extensions.
import * as vscode from 'vscode';
import { Evaluator } from './evaluate';
import { Server } from './server';
import { Status } from './status';

let server: Server | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('buflsp', { log: true });
  const status = new Status();
  server = new Server(output, status, context.extensionPath);
  const evaluator = new Evaluator(server);
  const s = server;
  context.subscriptions.push(
    output,
    status,
    server,
    evaluator,
    vscode.commands.registerCommand('buflsp.restartServer', () => s.restart()),
    vscode.commands.registerCommand('buflsp.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('buflsp.evaluateSelection', () => evaluator.evaluate(vscode.window.activeTextEditor, false)),
    vscode.commands.registerCommand('buflsp.evaluateFile', () => evaluator.evaluate(vscode.window.activeTextEditor, true)),
    vscode.commands.registerCommand('buflsp.clearEvaluation', () => evaluator.clear()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The executable and its arguments are fixed when the process starts; everything else reaches
      // the running server through workspace/didChangeConfiguration.
      // Companion mode decides the capabilities the server announces, so it needs a restart too.
      if (e.affectsConfiguration('buflsp.path') || e.affectsConfiguration('buflsp.serverArgs') || e.affectsConfiguration('buflsp.companion')) {
        void s.restart();
      }
    }),
    // Installing or removing lua-language-server or luau-lsp switches companion mode ("auto").
    vscode.extensions.onDidChange(() => {
      if (s.client && s.companionDecision().on !== s.companion) {
        void s.restart();
      }
    }),
  );
  await server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
