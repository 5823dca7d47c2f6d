// Reading the answer to `workspace/executeCommand` "buflsp.evaluate". The expected reply is the JSON of
// runtime/sandbox.Result: { output, outputTruncated?, values: [{type, text, length?}],
// error?: {kind, limit?, message, line?}, durationNs }, with error.line counted in the document.
// Simpler shapes (values as strings, error as a string, durationMs, a bare string) are accepted
// too, so an older or newer server still shows something useful. No `vscode` import.

export interface EvalOutcome {
  /** What the code printed, as one string. */
  output: string;
  /** The values the chunk returned, already formatted by the server. */
  values: string[];
  /** The error message when the evaluation failed, stopped or timed out. */
  error?: string;
  /** The 1-based line of the error within the document, when known. */
  errorLine?: number;
  durationMs?: number;
  /** The server cut the output at its limit. */
  truncated?: boolean;
}

export function parseEvalResult(raw: unknown): EvalOutcome {
  if (raw === null || raw === undefined) {
    return { output: '', values: [] };
  }
  if (typeof raw === 'string') {
    return { output: raw, values: [] };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { output: '', values: [JSON.stringify(raw)] };
  }
  const r = raw as Record<string, unknown>;
  const out: EvalOutcome = {
    output: typeof r.output === 'string' ? r.output : typeof r.stdout === 'string' ? r.stdout : '',
    values: Array.isArray(r.values) ? r.values.map(showValue) : r.value !== undefined ? [showValue(r.value)] : [],
  };
  const err = r.error;
  if (typeof err === 'string' && err !== '') {
    out.error = err;
  } else if (err && typeof err === 'object' && typeof (err as { message?: unknown }).message === 'string') {
    const e = err as { message: string; kind?: unknown; limit?: unknown; line?: unknown };
    // Say what stopped the run the way `buflsp eval` does: "timeout limit exceeded: ...", "runtime error: ...".
    const prefix = e.kind === 'limit' && typeof e.limit === 'string' ? `${e.limit} limit exceeded` : typeof e.kind === 'string' ? `${e.kind} error` : '';
    out.error = prefix !== '' ? `${prefix}: ${e.message}` : e.message;
    if (typeof e.line === 'number' && e.line > 0) {
      out.errorLine = e.line;
    }
  }
  if (typeof r.errorLine === 'number') {
    out.errorLine = r.errorLine;
  } else if (typeof r.line === 'number' && out.error !== undefined) {
    out.errorLine = r.line;
  }
  if (typeof r.durationMs === 'number') {
    out.durationMs = r.durationMs;
  } else if (typeof r.durationNs === 'number') {
    out.durationMs = Math.round(r.durationNs / 1e5) / 10;
  }
  if (r.outputTruncated === true) {
    out.truncated = true;
  }
  return out;
}

function showValue(v: unknown): string {
  if (typeof v === 'string') {
    return v;
  }
  if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string') {
    return (v as { text: string }).text;
  }
  return JSON.stringify(v);
}

/** The one-line summary shown inline after the evaluated code. */
export function inlineSummary(o: EvalOutcome, maxLen = 120): string {
  let s: string;
  if (o.error !== undefined) {
    s = `error: ${o.error}`;
  } else if (o.values.length > 0) {
    s = o.values.join(', ');
  } else {
    const lines = o.output.split('\n').filter((l) => l !== '');
    s = lines.length > 0 ? lines[lines.length - 1] : 'ok (no result)';
  }
  s = s.replace(/\s+/g, ' ');
  return s.length > maxLen ? s.slice(0, maxLen - 1) + '…' : s;
}

/** The block appended to the evaluation output channel. */
export function transcript(title: string, o: EvalOutcome): string {
  const lines = [`── ${title}${o.durationMs !== undefined ? ` (${o.durationMs} ms)` : ''}`];
  if (o.output !== '') {
    lines.push(o.output.replace(/\n$/, ''));
  }
  if (o.truncated) {
    lines.push('(output cut at the server\'s limit)');
  }
  if (o.values.length > 0) {
    lines.push(`=> ${o.values.join(', ')}`);
  }
  if (o.error !== undefined) {
    lines.push(`error${o.errorLine !== undefined ? ` (line ${o.errorLine})` : ''}: ${o.error}`);
  }
  if (o.output === '' && o.values.length === 0 && o.error === undefined) {
    lines.push('ok (no output, no result)');
  }
  return lines.join('\n');
}
