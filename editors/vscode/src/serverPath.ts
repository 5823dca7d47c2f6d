// Finding the buflsp executable. This file does not import `vscode`, so its logic can be tested with
// plain node (see test/serverPath.test.mjs).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Where the executable was found, or why it was not. */
export type Resolution =
  | { found: true; path: string; source: 'setting' | 'PATH' | 'bundled' | 'GOBIN' }
  | { found: false; reason: string };

/** What resolveServer reads from its surroundings; tests pass their own. */
export interface Environment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  workspaceFolder?: string;
  /** The server shipped inside a platform-specific .vsix (`server/buflsp[.exe]`), if any. */
  bundled?: string;
  isExecutable(file: string): boolean;
}

export function defaultEnvironment(workspaceFolder?: string, extensionPath?: string): Environment {
  const bundled = extensionPath ? bundledServer(extensionPath, process.platform) : undefined;
  return { env: process.env, platform: process.platform, home: os.homedir(), workspaceFolder, bundled, isExecutable };
}

/** Where a platform-specific .vsix keeps its server (scripts/vscode-package.sh puts it there). */
export function bundledServer(extensionPath: string, platform: NodeJS.Platform): string {
  return path.join(extensionPath, 'server', platform === 'win32' ? 'buflsp.exe' : 'buflsp');
}

function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    if (process.platform === 'win32') {
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Expands `~` and `${workspaceFolder}` in a configured path, because users copy these forms from other
 * extensions' settings and expect them to work. A relative result is taken from the workspace folder.
 */
export function expandPath(p: string, e: Environment): string {
  let out = p.trim();
  if (out === '~' || out.startsWith('~/')) {
    out = path.join(e.home, out.slice(1));
  }
  if (out.includes('${workspaceFolder}')) {
    out = out.split('${workspaceFolder}').join(e.workspaceFolder ?? '');
  }
  if (!path.isAbsolute(out) && e.workspaceFolder && (out.includes('/') || out.includes('\\'))) {
    out = path.join(e.workspaceFolder, out);
  }
  return out;
}

function exeNames(e: Environment): string[] {
  return e.platform === 'win32' ? ['buflsp.exe', 'buflsp'] : ['buflsp'];
}

/**
 * Resolves the server executable: the `buflsp.path` setting when set (an error when it does not point
 * to an executable, since silently using another binary would hide the mistake), else `buflsp` on
 * PATH (a server the user installed on purpose, for example a newer one), else the server bundled in
 * the platform's .vsix, else the directory `go install` writes to ($GOBIN, or $GOPATH/bin, or
 * ~/go/bin), which is often missing from the PATH a GUI editor was started with.
 */
export function resolveServer(setting: string | undefined, e: Environment): Resolution {
  if (setting && setting.trim() !== '') {
    const p = expandPath(setting, e);
    if (!path.isAbsolute(p) && !p.includes('/') && !p.includes('\\')) {
      // A bare name such as "buflsp-dev" is looked up on PATH like a shell would.
      const onPath = searchDirs(pathDirs(e), [p], e);
      if (onPath) {
        return { found: true, path: onPath, source: 'setting' };
      }
      return { found: false, reason: `buflsp.path is "${setting}", but no executable with that name is on PATH` };
    }
    if (e.isExecutable(p)) {
      return { found: true, path: p, source: 'setting' };
    }
    return { found: false, reason: `buflsp.path is "${setting}", but ${p} is not an executable file` };
  }
  const onPath = searchDirs(pathDirs(e), exeNames(e), e);
  if (onPath) {
    return { found: true, path: onPath, source: 'PATH' };
  }
  if (e.bundled && e.isExecutable(e.bundled)) {
    return { found: true, path: e.bundled, source: 'bundled' };
  }
  const goBin = searchDirs(goBinDirs(e), exeNames(e), e);
  if (goBin) {
    return { found: true, path: goBin, source: 'GOBIN' };
  }
  return { found: false, reason: 'no buflsp executable on PATH, and buflsp.path is not set' };
}

function pathDirs(e: Environment): string[] {
  const raw = e.env.PATH ?? e.env.Path ?? '';
  const sep = e.platform === 'win32' ? ';' : ':';
  return raw.split(sep).filter((d) => d !== '');
}

function goBinDirs(e: Environment): string[] {
  const dirs: string[] = [];
  if (e.env.GOBIN) {
    dirs.push(e.env.GOBIN);
  }
  const sep = e.platform === 'win32' ? ';' : ':';
  for (const gp of (e.env.GOPATH ?? '').split(sep)) {
    if (gp !== '') {
      dirs.push(path.join(gp, 'bin'));
    }
  }
  dirs.push(path.join(e.home, 'go', 'bin'));
  return dirs;
}

function searchDirs(dirs: string[], names: string[], e: Environment): string | undefined {
  for (const d of dirs) {
    for (const n of names) {
      const candidate = path.join(d, n);
      if (e.isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/** The command users run to install the server; shown in the "not found" notification. */
export const installCommand = 'go install github.com/buflsp/buflsp/cmd/buflsp@latest';
