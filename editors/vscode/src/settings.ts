// The server settings: the part of the `buflsp.*` configuration that mirrors `.buflsp.toml`. They are
// sent as initializationOptions and, on every change, in workspace/didChangeConfiguration under the
// "buflsp" key; the server also may ask for them with workspace/configuration (section "buflsp").
// This file does not import `vscode`, so it can be tested with plain node.

export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface ServerSettings {
  target?: 'lua51' | 'lua52' | 'lua53' | 'lua54' | 'luajit' | 'luau' | 'buflsp';
  rules: Record<string, Severity>;
  globals: string[];
  ignore: string[];
  eval: { timeoutMs: number; memoryMb: number };
}

const severities: ReadonlySet<string> = new Set(['off', 'hint', 'info', 'warning', 'error']);
const targets: ReadonlySet<string> = new Set(['lua51', 'lua52', 'lua53', 'lua54', 'luajit', 'luau', 'buflsp']);

/** Reads one setting; the extension passes WorkspaceConfiguration.get, tests pass a map. */
export type Getter = (key: string) => unknown;

/**
 * Builds the settings object from raw configuration values. Values of the wrong type are dropped
 * (with a note in `problems`) instead of being sent, so a typo in settings.json cannot make the server
 * reject the whole configuration.
 */
export function serverSettings(get: Getter, problems: string[] = []): ServerSettings {
  const out: ServerSettings = {
    rules: {},
    globals: [],
    ignore: [],
    eval: {
      timeoutMs: positiveInt(get('eval.timeoutMs'), 2000, 'eval.timeoutMs', problems),
      memoryMb: positiveInt(get('eval.memoryMb'), 64, 'eval.memoryMb', problems),
    },
  };
  const target = get('target');
  if (typeof target === 'string' && targets.has(target)) {
    out.target = target as ServerSettings['target'];
  } else if (target !== undefined && target !== null && target !== '') {
    problems.push(`buflsp.target: expected lua51, lua52, lua53, lua54, luajit, luau or buflsp, found ${JSON.stringify(target)}`);
  }
  const rules = get('rules');
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [name, sev] of Object.entries(rules as Record<string, unknown>)) {
      if (typeof sev === 'string' && severities.has(sev)) {
        out.rules[name] = sev as Severity;
      } else {
        problems.push(`buflsp.rules.${name}: expected off, hint, info, warning or error, found ${JSON.stringify(sev)}`);
      }
    }
  }
  out.globals = strings(get('globals'));
  out.ignore = strings(get('ignore'));
  return out;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((g): g is string => typeof g === 'string') : [];
}

function positiveInt(v: unknown, dflt: number, key: string, problems: string[]): number {
  if (v === undefined || v === null) {
    return dflt;
  }
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) {
    return v;
  }
  problems.push(`buflsp.${key}: expected a positive integer, found ${JSON.stringify(v)}`);
  return dflt;
}
