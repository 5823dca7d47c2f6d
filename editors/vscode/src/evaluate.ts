// Evaluate Selection / Evaluate File: send the code to the server's sandbox with
// workspace/executeCommand "buflsp.evaluate" { uri, range? }, print the transcript to the
// "buflsp: Evaluate" output channel, and show a one-line summary after the evaluated code.
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { EvalOutcome, inlineSummary, parseEvalResult, transcript } from './evalResult';
import { Server } from './server';

export const evaluateCommand = 'buflsp.evaluate';

export class Evaluator implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('buflsp: Evaluate');
  private readonly okStyle = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
    isWholeLine: false,
  });
  private readonly errStyle = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorError.foreground'), fontStyle: 'italic' },
  });
  /** Inline results per document; they are cleared as soon as that document changes. */
  private readonly shown = new Map<string, { ok: vscode.DecorationOptions[]; err: vscode.DecorationOptions[] }>();
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly server: Server) {
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.shown.delete(e.document.uri.toString())) {
          this.paint(e.document.uri);
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
    );
  }

  async evaluate(editor: vscode.TextEditor | undefined, wholeFile: boolean): Promise<void> {
    if (!editor) {
      void vscode.window.showWarningMessage('buflsp: open a Lua file to evaluate.');
      return;
    }
    const doc = editor.document;
    const sel = editor.selection;
    const range = wholeFile || sel.isEmpty ? undefined : new vscode.Range(sel.start, sel.end);
    await this.server.start();
    const client = this.server.client;
    if (!client || !client.isRunning()) {
      void vscode.window.showErrorMessage('buflsp: the language server is not running, so nothing can be evaluated.');
      return;
    }
    const arg: { uri: string; range?: unknown } = { uri: client.code2ProtocolConverter.asUri(doc.uri) };
    if (range) {
      arg.range = client.code2ProtocolConverter.asRange(range);
    }
    const title = `${vscode.workspace.asRelativePath(doc.uri)}${range ? `:${range.start.line + 1}-${range.end.line + 1}` : ''}`;
    let outcome: EvalOutcome;
    try {
      const raw = await client.sendRequest(ExecuteCommandRequest.type, { command: evaluateCommand, arguments: [arg] });
      outcome = parseEvalResult(raw);
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      outcome = { output: '', values: [], error: `the server could not evaluate: ${msg}` };
    }
    this.channel.appendLine(transcript(title, outcome));
    this.channel.show(true);
    this.showInline(editor, range, outcome);
  }

  private showInline(editor: vscode.TextEditor, range: vscode.Range | undefined, o: EvalOutcome): void {
    if (!vscode.workspace.getConfiguration('buflsp').get<boolean>('eval.showInline', true)) {
      return;
    }
    const doc = editor.document;
    let line = range ? range.end.line : doc.lineCount - 1;
    if (range && range.end.character === 0 && range.end.line > range.start.line) {
      line -= 1; // a selection of whole lines ends at column 0 of the next line
    }
    if (o.error !== undefined && o.errorLine !== undefined && o.errorLine >= 1 && o.errorLine <= doc.lineCount) {
      line = o.errorLine - 1;
    }
    // Skip back over blank lines so the result sits next to code.
    while (line > 0 && doc.lineAt(line).isEmptyOrWhitespace) {
      line--;
    }
    const end = doc.lineAt(line).range.end;
    const deco: vscode.DecorationOptions = {
      range: new vscode.Range(end, end),
      renderOptions: { after: { contentText: `⇒ ${inlineSummary(o)}` } },
      hoverMessage: new vscode.MarkdownString().appendCodeblock(transcript('buflsp evaluate', o), 'text'),
    };
    const key = doc.uri.toString();
    const entry = { ok: [] as vscode.DecorationOptions[], err: [] as vscode.DecorationOptions[] };
    (o.error !== undefined ? entry.err : entry.ok).push(deco);
    this.shown.set(key, entry);
    this.paint(doc.uri);
  }

  private paint(uri: vscode.Uri): void {
    const entry = this.shown.get(uri.toString());
    for (const ed of vscode.window.visibleTextEditors) {
      if (ed.document.uri.toString() === uri.toString()) {
        ed.setDecorations(this.okStyle, entry?.ok ?? []);
        ed.setDecorations(this.errStyle, entry?.err ?? []);
      }
    }
  }

  private paintAll(): void {
    for (const ed of vscode.window.visibleTextEditors) {
      this.paint(ed.document.uri);
    }
  }

  clear(): void {
    const uris = [...this.shown.keys()];
    this.shown.clear();
    for (const u of uris) {
      this.paint(vscode.Uri.parse(u));
    }
  }

  dispose(): void {
    for (const s of this.subs) {
      s.dispose();
    }
    this.okStyle.dispose();
    this.errStyle.dispose();
    this.channel.dispose();
  }
}
