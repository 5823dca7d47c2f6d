// Starting, stopping and restarting the language client, and keeping the status bar in step with it.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, State } from 'vscode-languageclient/node';
import { companionMode } from './companion';
import { defaultEnvironment, installCommand, resolveServer } from './serverPath';
import { serverSettings } from './settings';
import { Status } from './status';

const installDocs = 'https://github.com/buflsp/buflsp/blob/main/docs/install.md';

export class Server implements vscode.Disposable {
  client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;

  /** Whether the running server was started as a companion of another Lua server. */
  companion = false;

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly status: Status,
    private readonly extensionPath: string,
  ) {}

  /** Companion mode as the current setting and installed extensions decide it. */
  companionDecision() {
    const setting = vscode.workspace.getConfiguration('buflsp').get('companion');
    return companionMode(setting, (id) => vscode.extensions.getExtension(id) !== undefined);
  }

  /** Starts the client unless it runs already; concurrent calls share one start. */
  start(): Promise<void> {
    if (this.client && this.client.state !== State.Stopped) {
      return Promise.resolve();
    }
    if (!this.starting) {
      this.starting = this.doStart().finally(() => (this.starting = undefined));
    }
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const cfg = vscode.workspace.getConfiguration('buflsp');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const res = resolveServer(cfg.get<string>('path'), defaultEnvironment(folder, this.extensionPath));
    if (!res.found) {
      this.status.set('missing', res.reason);
      this.output.appendLine(`buflsp: ${res.reason}`);
      void this.notifyMissing(res.reason);
      return;
    }
    const args = ['serve', ...(cfg.get<string[]>('serverArgs') ?? [])];
    this.output.appendLine(`buflsp: starting ${res.path} ${args.join(' ')} (found through ${res.source})`);
    const comp = this.companionDecision();
    this.companion = comp.on;
    this.output.appendLine(
      comp.on
        ? `buflsp: companion mode (${comp.reason}): names, symbols, rename and colouring are left to the other Lua server`
        : `buflsp: full mode (${comp.reason})`,
    );

    // No `transport` field: with TransportKind.stdio the client would append "--stdio" to the argv.
    // The server accepts it, but leaving it out keeps the command line what the user configured.
    const serverOptions: ServerOptions = { command: res.path, args, options: { cwd: folder } };
    const clientOptions: LanguageClientOptions = {
      documentSelector: await this.selector(),
      outputChannel: this.output,
      traceOutputChannel: this.output,
      initializationOptions: { ...this.settings(), companion: comp.on },
      synchronize: {
        configurationSection: 'buflsp',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/.buflsp.toml'),
      },
      middleware: {
        workspace: {
          // Answer workspace/configuration for "buflsp" with the validated settings rather than the raw
          // section, so the server sees the same shape as in initializationOptions.
          configuration: async (params, token, next) => {
            const raw = await next(params, token);
            if (!Array.isArray(raw)) {
              return raw;
            }
            return raw.map((v, i) => (params.items[i]?.section === 'buflsp' ? { ...(v as object), ...this.settings() } : v));
          },
        },
      },
    };
    const client = new LanguageClient('buflsp', 'buflsp', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        this.status.set('running', `${res.path}`);
      } else if (e.newState === State.Starting) {
        this.status.set('starting');
      } else if (this.status.state !== 'failed') {
        this.status.set('stopped');
      }
    });
    this.status.set('starting');
    try {
      await client.start();
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      this.status.set('failed', msg);
      this.output.appendLine(`buflsp: the server did not start: ${msg}`);
      void vscode.window.showErrorMessage(`buflsp: the language server did not start: ${msg}`, 'Show Output').then((c) => {
        if (c) {
          this.output.show(true);
        }
      });
    }
  }

  /** Lua always; Luau only when some extension has registered that language, since we never do. */
  private async selector(): Promise<{ scheme: string; language: string }[]> {
    const langs = new Set(await vscode.languages.getLanguages());
    const ids = ['lua', ...(langs.has('luau') ? ['luau'] : [])];
    return ids.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]);
  }

  settings() {
    const problems: string[] = [];
    const s = serverSettings((k) => vscode.workspace.getConfiguration('buflsp').get(k), problems);
    for (const p of problems) {
      this.output.appendLine(`buflsp settings: ${p} (ignored)`);
    }
    return s;
  }

  private async notifyMissing(reason: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(
      `buflsp: the language server was not found (${reason}). Install it with \`${installCommand}\`, or set "buflsp.path" to the executable.`,
      'Open Settings',
      'Copy Install Command',
      'Install Guide',
    );
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'buflsp.path');
    } else if (choice === 'Copy Install Command') {
      await vscode.env.clipboard.writeText(installCommand);
    } else if (choice === 'Install Guide') {
      await vscode.env.openExternal(vscode.Uri.parse(installDocs));
    }
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c && c.state !== State.Stopped) {
      try {
        await c.stop(2000);
      } catch (err) {
        this.output.appendLine(`buflsp: stopping the server: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    this.status.set('stopped');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
  }
}
