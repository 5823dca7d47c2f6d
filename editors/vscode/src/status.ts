// The status bar item that tells the user whether the server is running. Clicking it opens the
// server's output, which is where the reason for a failure is.
import * as vscode from 'vscode';

export type ServerState = 'starting' | 'running' | 'stopped' | 'missing' | 'failed';

const look: Record<ServerState, { icon: string; text: string; error?: boolean }> = {
  starting: { icon: '$(sync~spin)', text: 'starting' },
  running: { icon: '$(check)', text: '' },
  stopped: { icon: '$(circle-slash)', text: 'stopped' },
  missing: { icon: '$(error)', text: 'not installed', error: true },
  failed: { icon: '$(error)', text: 'failed', error: true },
};

export class Status implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  state: ServerState = 'stopped';

  constructor() {
    this.item = vscode.window.createStatusBarItem('buflsp.status', vscode.StatusBarAlignment.Left, 0);
    this.item.name = 'buflsp';
    this.item.command = 'buflsp.showOutput';
  }

  set(state: ServerState, detail?: string): void {
    this.state = state;
    const l = look[state];
    this.item.text = l.text === '' ? `${l.icon} buflsp` : `${l.icon} buflsp: ${l.text}`;
    this.item.tooltip = `buflsp language server: ${state}${detail ? `\n${detail}` : ''}\nClick to show the output.`;
    this.item.backgroundColor = l.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
