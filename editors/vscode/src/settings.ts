// The server settings: the part of the `buflsp.*` configuration that mirrors `.buflsp.toml`. They are
// sent as initializationOptions and, on every change, in workspace/didChangeConfiguration under the
// "buflsp" key; the server also may ask for them with workspace/configuration (section "buflsp").
// This file does not import `vscode`, so it can be tested with plain node.

export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';

export interface ServerSettings {
  target?: 'luajit' | 'luau' | 'buflsp';
  rules: Record<string, Severity>;
  globals: string[];
  eval: { timeoutMs: number; memoryLimitMB: number; maxOutputBytes: number };
}

const severities: ReadonlySet<string> = new Set(['off', 'hint', 'info', 'warning', 'error']);
const targets: ReadonlySet<string> = new Set(['luajit', 'luau', 'buflsp']);

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
    eval: {
      timeoutMs: positiveInt(get('eval.timeoutMs'), 2000, 'eval.timeoutMs', problems),
      memoryLimitMB: positiveInt(get('eval.memoryLimitMB'), 64, 'eval.memoryLimitMB', problems),
      maxOutputBytes: positiveInt(get('eval.maxOutputBytes'), 65536, 'eval.maxOutputBytes', problems, true),
    },
  };
  const target = get('target');
  if (typeof target === 'string' && targets.has(target)) {
    out.target = target as ServerSettings['target'];
  } else if (target !== undefined && target !== null && target !== '') {
    problems.push(`buflsp.target: expected luajit, luau or buflsp, found ${JSON.stringify(target)}`);
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
  const globals = get('globals');
  if (Array.isArray(globals)) {
    out.globals = globals.filter((g): g is string => typeof g === 'string');
  }
  return out;
}

function positiveInt(v: unknown, dflt: number, key: string, problems: string[], zeroOK = false): number {
  if (v === undefined || v === null) {
    return dflt;
  }
  if (typeof v === 'number' && Number.isInteger(v) && (v > 0 || (zeroOK && v === 0))) {
    return v;
  }
  problems.push(`buflsp.${key}: expected a ${zeroOK ? 'non-negative' : 'positive'} integer, found ${JSON.stringify(v)}`);
  return dflt;
}
