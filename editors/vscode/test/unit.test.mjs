// Unit tests for the parts of the extension that do not need VS Code: finding the server, building
// the settings sent to it, and reading evaluation results. `npm test` bundles them into out/ first.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { resolveServer, expandPath, bundledServer } = require('../out/serverPath.js');
const { serverSettings } = require('../out/settings.js');
const { parseEvalResult, inlineSummary, transcript } = require('../out/evalResult.js');

function fakeEnv(executables, env = {}) {
  return { env, platform: 'linux', home: '/home/u', workspaceFolder: '/ws', isExecutable: (f) => executables.includes(f) };
}

test('the buflsp.path setting wins over PATH', () => {
  const e = fakeEnv(['/opt/buflsp', '/usr/bin/buflsp'], { PATH: '/usr/bin' });
  assert.deepEqual(resolveServer('/opt/buflsp', e), { found: true, path: '/opt/buflsp', source: 'setting' });
});

test('a setting that points nowhere is an error, not a silent fallback to PATH', () => {
  const e = fakeEnv(['/usr/bin/buflsp'], { PATH: '/usr/bin' });
  const r = resolveServer('/nope/buflsp', e);
  assert.equal(r.found, false);
  assert.match(r.reason, /\/nope\/buflsp is not an executable/);
});

test('~ and ${workspaceFolder} expand; relative paths with a slash are taken from the workspace', () => {
  const e = fakeEnv([]);
  assert.equal(expandPath('~/go/bin/buflsp', e), '/home/u/go/bin/buflsp');
  assert.equal(expandPath('${workspaceFolder}/bin/buflsp', e), '/ws/bin/buflsp');
  assert.equal(expandPath('bin/buflsp', e), '/ws/bin/buflsp');
});

test('the bundled server comes after the setting and PATH, before the go install directories', () => {
  const withBundle = (exes, env) => ({ ...fakeEnv(exes, env), bundled: '/ext/server/buflsp' });
  assert.deepEqual(resolveServer('', withBundle(['/ext/server/buflsp', '/home/u/go/bin/buflsp'], { PATH: '/a' })),
    { found: true, path: '/ext/server/buflsp', source: 'bundled' });
  assert.equal(resolveServer('', withBundle(['/ext/server/buflsp', '/a/buflsp'], { PATH: '/a' })).path, '/a/buflsp');
  assert.equal(resolveServer('/opt/b', withBundle(['/ext/server/buflsp', '/opt/b'], { PATH: '/a' })).path, '/opt/b');
  // A .vsix without a server (the platform-neutral one) falls through to the go install directories.
  assert.equal(resolveServer('', withBundle(['/home/u/go/bin/buflsp'], {})).source, 'GOBIN');
  assert.equal(bundledServer('/ext', 'win32').endsWith('buflsp.exe'), true);
});

test('a bare name in the setting is looked up on PATH', () => {
  const e = fakeEnv(['/b/buflsp-dev'], { PATH: '/a:/b' });
  assert.deepEqual(resolveServer('buflsp-dev', e), { found: true, path: '/b/buflsp-dev', source: 'setting' });
});

test('PATH first, then GOBIN, GOPATH/bin and ~/go/bin', () => {
  assert.equal(resolveServer('', fakeEnv(['/b/buflsp', '/home/u/go/bin/buflsp'], { PATH: '/a:/b' })).path, '/b/buflsp');
  assert.deepEqual(resolveServer(undefined, fakeEnv(['/gp/bin/buflsp'], { PATH: '/a', GOPATH: '/gp' })), { found: true, path: '/gp/bin/buflsp', source: 'GOBIN' });
  assert.equal(resolveServer('', fakeEnv(['/home/u/go/bin/buflsp'], {})).path, '/home/u/go/bin/buflsp');
  const none = resolveServer('', fakeEnv([], { PATH: '/a' }));
  assert.equal(none.found, false);
  assert.match(none.reason, /no buflsp executable on PATH/);
});

test('settings mirror .buflsp.toml and drop values of the wrong type', () => {
  const raw = {
    target: 'luau',
    rules: { 'buffer-concat': 'off', 'stale-pointer': 'error', 'view-alias': 'loud' },
    globals: ['ngx', 3],
    ignore: ['vendor/**'],
    'eval.timeoutMs': 500,
    'eval.memoryMb': -1,
  };
  const problems = [];
  const s = serverSettings((k) => raw[k], problems);
  assert.deepEqual(s, {
    target: 'luau',
    rules: { 'buffer-concat': 'off', 'stale-pointer': 'error' },
    globals: ['ngx'],
    ignore: ['vendor/**'],
    eval: { timeoutMs: 500, memoryMb: 64 },
  });
  assert.equal(problems.length, 2);
  assert.match(problems[0], /eval\.memoryMb: expected a positive integer, found -1/);
  assert.match(problems[1], /rules\.view-alias: expected off, hint, info, warning or error, found "loud"/);
});

test('every target name is sent; a near miss is reported and not sent', () => {
  for (const name of ['lua51', 'lua52', 'lua53', 'lua54', 'luajit', 'luau', 'buflsp']) {
    assert.equal(serverSettings((k) => (k === 'target' ? name : undefined)).target, name);
  }
  const problems = [];
  const s = serverSettings((k) => (k === 'target' ? 'lua5.4' : undefined), problems);
  assert.equal('target' in s, false);
  assert.match(problems[0], /buflsp\.target: expected lua51, lua52, lua53, lua54, luajit, luau or buflsp, found "lua5\.4"/);
});

test('no target setting means no target field, so .buflsp.toml decides', () => {
  const s = serverSettings(() => undefined);
  assert.equal('target' in s, false);
  assert.deepEqual(s.eval, { timeoutMs: 2000, memoryMb: 64 });
});

test('evaluation results: full object, bare string, error object', () => {
  const full = parseEvalResult({ output: 'hi\n', values: ['14', 'true'], durationMs: 3 });
  assert.deepEqual(full, { output: 'hi\n', values: ['14', 'true'], durationMs: 3 });
  assert.equal(inlineSummary(full), '14, true');
  assert.equal(transcript('eval.lua', full), '── eval.lua (3 ms)\nhi\n=> 14, true');

  assert.deepEqual(parseEvalResult('plain'), { output: 'plain', values: [] });
  const err = parseEvalResult({ output: '', error: { message: 'boom', line: 4 } });
  assert.equal(err.error, 'boom');
  assert.equal(err.errorLine, 4);
  assert.equal(inlineSummary(err), 'error: boom');
  assert.equal(inlineSummary(parseEvalResult({ output: 'a\nb\n' })), 'b');
  assert.equal(inlineSummary(parseEvalResult({ values: ['x'.repeat(300)] })).length, 120);
});

test('evaluation results in the runtime/sandbox.Result shape', () => {
  const ok = parseEvalResult({ output: 'hello, buffers\n', values: [{ type: 'number', text: '14' }], durationNs: 1234567 });
  assert.deepEqual(ok, { output: 'hello, buffers\n', values: ['14'], durationMs: 1.2 });
  assert.equal(transcript('eval.lua', ok), '── eval.lua (1.2 ms)\nhello, buffers\n=> 14');
  const limit = parseEvalResult({ output: 'x', outputTruncated: true, values: [], error: { kind: 'limit', limit: 'timeout', message: 'ran longer than 2s', line: 3 }, durationNs: 2e9 });
  assert.equal(limit.error, 'timeout limit exceeded: ran longer than 2s');
  assert.equal(limit.errorLine, 3);
  assert.equal(limit.truncated, true);
  assert.match(transcript('t', limit), /\(output cut at the server's limit\)\nerror \(line 3\): timeout limit exceeded/);
  const rt = parseEvalResult({ output: '', values: [], error: { kind: 'runtime', message: 'attempt to call a nil value' } });
  assert.equal(rt.error, 'runtime error: attempt to call a nil value');
  assert.equal(rt.errorLine, undefined);
});

test('companion mode: auto follows the installed Lua servers; on and off force it', () => {
  const { companionMode } = require('../out/companion.js');
  const none = () => false;
  const sumneko = (id) => id === 'sumneko.lua';
  const luau = (id) => id === 'JohnnyMorganz.luau-lsp';
  assert.equal(companionMode(undefined, none).on, false);
  assert.equal(companionMode('auto', none).on, false);
  assert.deepEqual(companionMode('auto', sumneko), { on: true, reason: 'sumneko.lua is installed' });
  assert.equal(companionMode('auto', luau).on, true);
  assert.equal(companionMode('off', sumneko).on, false);
  assert.equal(companionMode('on', none).on, true);
});
