// Drives a running code-server with playwright-core and Debian's chromium and checks the buflsp
// extension the way a user meets it: Problems panel, hover, completion, quick fix and Evaluate.
// scripts/vscode-e2e.sh starts code-server and runs this; it is not meant to be run alone.
//
// Environment: CS_URL (code-server), WS (workspace folder, a fresh copy of e2e/workspace),
// ART (artifact folder), SESSION (main, or companion: code-server with a stand-in sumneko.lua
// installed), CHECKS (comma-separated subset; empty = all of the session), CHROMIUM, PROFILE (a fresh
// browser profile folder), LOGS (code-server's log folder, where the output channels are written),
// EXT_DIR_INSTALLED (the extensions folder), TIMEOUT_MS (hard deadline for everything here).
// Writes ART/result-SESSION.json and one screenshot per check. Exit code: 0 all checks passed, 1 a
// check failed, 2 the deadline passed or the workbench never came up.
// `node run.mjs --list` prints the session's selected checks, comma-separated (empty when none).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const env = process.env;
const CS_URL = env.CS_URL;
const WS = env.WS;
const ART = env.ART;
const TIMEOUT_MS = Number(env.TIMEOUT_MS || 180000);
const SESSION = env.SESSION || 'main';
const SESSIONS = {
  main: ['bundled-server', 'config-error', 'diagnostics', 'hover', 'completion', 'quickfix', 'fix-all-on-save', 'evaluate', 'missing-server'],
  companion: ['companion'],
};
const ALL = [...SESSIONS.main, ...SESSIONS.companion];

/** What the workspace files must produce; the lines are 1-based, as VS Code shows them. */
const expected = {
  diagnostics: [
    { rule: 'method-call-with-dot', line: 5 },
    { rule: 'unknown-member', line: 6 },
    { rule: 'buffer-concat', line: 7 },
  ],
  // `put` in `buf:put(s)` on line 8: the hover must show the method's signature; alone, the server
  // also hovers the plain local `s` (col 9).
  hover: { line: 8, col: 6, mustMatch: [/put\s*\(/, /string\.buffer/], plain: { line: 8, col: 9, mustMatch: /local s/ } },
  // The server bundled in the platform .vsix runs (no buflsp.path is set).
  bundled: /buflsp: starting (\S+) serve.*\(found through bundled\)/,
  // The workspace's .buflsp.toml has an unknown key: a message in the editor and a problem in the file.
  configError: { notification: /\.buflsp\.toml has 1 problem/, problem: /unknown key "colour"/ },
  // Saving fixall.lua applies every quick fix (editor.codeActionsOnSave: source.fixAll.buflsp).
  fixAllOnSave: { file: 'fixall.lua', lines: { 6: 'io.write("sent ", out, "\\n")', 7: 'io.stdout:write(out)' } },
  // With a stand-in sumneko.lua installed: companion mode, buffer hovers stay, plain-symbol hovers go.
  companion: { log: /companion mode \(sumneko\.lua is installed\)/, plainLine: 8, plainCol: 9 },
  // Typing `buf:` on a new line after line 8 must offer these methods.
  completion: { afterLine: 8, methods: ['put', 'reset', 'tostring', 'get'] },
  // The quick fix for method-call-with-dot on line 5 must turn `buf.put` into `buf:put`.
  quickfix: { line: 5, col: 4, rule: 'method-call-with-dot', after: 'buf:put("header")' },
  // Evaluate File on eval.lua: it prints a line and returns 14.
  evaluate: { file: 'eval.lua', output: 'hello, buffers', value: '14' },
  // Pointing buflsp.path at nothing must restart the client and tell the user how to install buflsp.
  missingServer: { path: '/nonexistent/buflsp', notification: /go install github\.com\/buflsp\/buflsp\/cmd\/buflsp@latest/ },
};

const started = Date.now();
const result = { checks: {}, selected: [], network: env.NETWORK || 'unknown', log: [], statusBar: null, notifications: [], elapsedMs: 0 };
const log = (msg) => {
  const line = `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s ${msg}`;
  result.log.push(line);
  console.error(`[e2e] ${line}`);
};

function writeResult(code) {
  result.elapsedMs = Date.now() - started;
  result.exitCode = code;
  fs.writeFileSync(path.join(ART, `result-${SESSION}.json`), JSON.stringify(result, null, 2));
}

function selectedChecks() {
  const mine = SESSIONS[SESSION];
  if (!mine) {
    console.error(`[e2e] unknown SESSION ${SESSION}: expected ${Object.keys(SESSIONS).join(' or ')}`);
    process.exit(2);
  }
  const raw = (env.CHECKS || '').trim();
  if (raw === '') {
    return mine;
  }
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !ALL.includes(n));
  if (bad.length > 0) {
    console.error(`[e2e] unknown check(s) ${bad.join(', ')}: expected a comma-separated subset of ${ALL.join(',')}`);
    process.exit(2);
  }
  return mine.filter((n) => names.includes(n));
}

// `node run.mjs --check-names` only validates CHECKS, so the shell runner can reject a typo before
// it builds anything; `--list` prints the session's share of them.
if (process.argv.includes('--check-names')) {
  selectedChecks();
  process.exit(0);
}
if (process.argv.includes('--list')) {
  console.log(selectedChecks().join(','));
  process.exit(0);
}

/** The text of the extension's output channels as code-server wrote them to its log folder. */
function outputLogs() {
  const out = [];
  const walk = (dir) => {
    let entries = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else if (e.name.endsWith('.log')) {
        const text = fs.readFileSync(p, 'utf8');
        if (text.includes('buflsp: starting')) {
          out.push(text);
        }
      }
    }
  };
  walk(env.LOGS || '');
  return out.join('\n');
}

let page;
let context;

async function shot(name) {
  try {
    await page.screenshot({ path: path.join(ART, `${name}.png`) });
  } catch (err) {
    log(`screenshot ${name} failed: ${err.message}`);
  }
}

async function notifications() {
  try {
    return await page.locator('.notification-toast, .notifications-list-container .monaco-list-row').allInnerTexts();
  } catch {
    return [];
  }
}

// The hard deadline: whatever hangs, the run ends, with a screenshot of where it hung.
const deadline = setTimeout(async () => {
  log(`deadline of ${TIMEOUT_MS} ms passed`);
  if (page) {
    await shot('timeout');
    result.notifications = await notifications();
  }
  writeResult(2);
  process.exit(2);
}, TIMEOUT_MS);

// ---- editor helpers ------------------------------------------------------------------------------

async function focusEditor() {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
}

/** Moves the cursor with Go to Line (Ctrl+G), which takes "line:column", both 1-based. */
async function goTo(line, col) {
  await focusEditor();
  await page.keyboard.press('Control+g');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5000 });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 5000 });
}

async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 5000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 5000 });
  await page.keyboard.press('Enter');
}

async function openFile(name) {
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click({ timeout: 20000 });
  await page.locator(`.tab[aria-label^="${name}"]`).first().waitFor({ timeout: 20000 });
}

/** The text of the active editor's visible lines, with Monaco's non-breaking spaces made plain. */
async function editorText() {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line').evaluateAll((els) =>
    els
      .map((e) => ({ top: parseFloat(e.style.top || '0'), text: e.textContent || '' }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text.replace(/\u00a0/g, ' ')),
  );
  return lines;
}

async function problemRows() {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Waits for an element, failing with a sentence that says what was expected. */
async function need(locator, what, timeoutMs) {
  try {
    await locator.waitFor({ timeout: timeoutMs });
  } catch {
    throw new Error(`${what}: not seen within ${timeoutMs} ms`);
  }
}

async function waitFor(what, fn, timeoutMs, everyMs = 250) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last.ok) {
      return last;
    }
    if (Date.now() > end) {
      throw new Error(`${what}: not seen within ${timeoutMs} ms${last.detail ? ` (last seen: ${last.detail})` : ''}`);
    }
    await page.waitForTimeout(everyMs);
  }
}

// ---- the checks ----------------------------------------------------------------------------------

async function openMistakes() {
  if (!(await page.locator('.tab[aria-label^="mistakes.lua"]').count())) {
    await openFile('mistakes.lua');
  } else {
    await page.locator('.tab[aria-label^="mistakes.lua"]').first().click();
  }
}

const checks = {
  async diagnostics(rec) {
    await openMistakes();
    await need(page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first(), 'a squiggle in mistakes.lua', Number(env.DIAG_TIMEOUT_MS || 30000));
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 10000 });
    const got = await waitFor(
      'every expected rule in the Problems panel',
      async () => {
        const rows = await problemRows();
        const missing = expected.diagnostics.filter((d) => !rows.some((r) => r.includes(d.rule) && r.includes(`Ln ${d.line},`)));
        return { ok: missing.length === 0, rows, detail: `missing ${missing.map((m) => `${m.rule} on line ${m.line}`).join(', ')}; rows: ${JSON.stringify(rows)}` };
      },
      20000,
    );
    rec.problems = got.rows;
  },

  async hover(rec) {
    await openMistakes();
    const { line, col, mustMatch } = expected.hover;
    await goTo(line, col);
    // Show Hover from the keyboard (Ctrl+K Ctrl+I) hovers exactly at the cursor, unlike the mouse.
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i');
    const got = await waitFor(
      'a hover with the signature of put',
      async () => {
        const texts = await page.locator('.monaco-hover-content:visible').allInnerTexts();
        const text = texts.join('\n');
        return { ok: mustMatch.every((re) => re.test(text)), text, detail: JSON.stringify(text.slice(0, 300)) };
      },
      10000,
    );
    rec.hover = got.text;
    await page.keyboard.press('Escape');
    const { plain } = expected.hover;
    await goTo(plain.line, plain.col);
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i');
    const got2 = await waitFor(
      'a hover on the plain local s (the server is alone)',
      async () => {
        const text = (await page.locator('.monaco-hover-content:visible').allInnerTexts()).join('\n');
        return { ok: plain.mustMatch.test(text), text, detail: JSON.stringify(text.slice(0, 300)) };
      },
      10000,
    );
    rec.plainHover = got2.text;
    await shot('hover-plain');
    await page.keyboard.press('Escape');
  },

  async completion(rec) {
    await openMistakes();
    const { afterLine, methods } = expected.completion;
    await goTo(afterLine, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('buf:');
    const rowsLoc = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row .label-name');
    try {
      await rowsLoc.first().waitFor({ timeout: 3000 });
    } catch {
      // ":" is not a trigger character for this server, so ask explicitly.
      await page.keyboard.press('Control+Space');
    }
    // The list is virtualized: only about a dozen rows exist in the DOM at once, so page through it
    // and collect every label seen.
    const seen = new Set();
    const collect = async () => {
      for (const t of await rowsLoc.allInnerTexts()) {
        seen.add(t.trim());
      }
    };
    const got = await waitFor(
      `completion after buf: listing ${methods.join(', ')}`,
      async () => {
        let before = -1;
        for (let k = 0; k < 8 && seen.size !== before; k++) {
          before = seen.size;
          await collect();
          await page.keyboard.press('PageDown');
        }
        const labels = [...seen].sort();
        const missing = methods.filter((m) => !seen.has(m));
        return { ok: missing.length === 0, labels, detail: `missing ${missing.join(', ')}; labels: ${JSON.stringify(labels)}` };
      },
      10000,
    );
    rec.completion = got.labels;
    await shot('completion');
    await page.keyboard.press('Escape');
    // Remove the typed line again so later checks see the file as it was.
    await page.keyboard.press('Control+Shift+K');
  },

  async quickfix(rec) {
    await openMistakes();
    const { line, col, rule, after } = expected.quickfix;
    await goTo(line, col);
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row.action');
    await need(rows.first(), `code actions at line ${line}, column ${col}`, 10000);
    const titles = (await rows.allInnerTexts()).map((t) => t.trim());
    rec.actions = titles;
    const i = titles.findIndex((t) => !/disable|suppress|ignore/i.test(t));
    if (i < 0) {
      throw new Error(`no quick fix other than suppression among the code actions: ${JSON.stringify(titles)}`);
    }
    rec.applied = titles[i];
    await shot('quickfix-menu');
    // The widget focuses its first action; choosing by keyboard avoids fighting its hover handling,
    // which made mouse clicks time out.
    for (let k = 0; k < i; k++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await waitFor(
      `line ${line} reading ${after}`,
      async () => {
        const text = await editorText();
        return { ok: text[line - 1]?.trim() === after, detail: JSON.stringify(text[line - 1]) };
      },
      10000,
    );
    await page.keyboard.press('Control+Shift+M');
    await waitFor(
      `${rule} gone from the Problems panel after the fix`,
      async () => {
        const rows2 = await problemRows();
        return { ok: !rows2.some((r) => r.includes(rule)), detail: JSON.stringify(rows2) };
      },
      10000,
    );
  },

  async 'bundled-server'(rec) {
    const got = await waitFor(
      'the output channel saying the bundled server started',
      async () => {
        const m = expected.bundled.exec(outputLogs());
        return { ok: m !== null, m, detail: 'no "found through bundled" line in the buflsp output' };
      },
      20000,
    );
    rec.server = got.m[1];
    const inside = path.resolve(env.EXT_DIR_INSTALLED || '/nonexistent');
    if (!path.resolve(rec.server).startsWith(inside + path.sep)) {
      throw new Error(`the server ${rec.server} is not inside the installed extension (${inside})`);
    }
  },

  async 'config-error'(rec) {
    const { notification, problem } = expected.configError;
    let got;
    try {
      got = await waitFor('a message about .buflsp.toml', async () => {
        const texts = await notifications();
        return { ok: texts.some((t) => notification.test(t)), texts, detail: JSON.stringify(texts) };
      }, 5000);
    } catch {
      // The toast may have gone: the notification centre keeps it.
      await runCommand('Notifications: Show Notifications');
      got = await waitFor('a message about .buflsp.toml in the notification centre', async () => {
        const texts = await notifications();
        return { ok: texts.some((t) => notification.test(t)), texts, detail: JSON.stringify(texts) };
      }, 10000);
    }
    rec.notification = got.texts.find((t) => notification.test(t));
    await shot('config-error-message');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: 10000 });
    const rows = await waitFor('the .buflsp.toml problem in the Problems panel', async () => {
      const r = await problemRows();
      return { ok: r.some((t) => problem.test(t)), r, detail: JSON.stringify(r) };
    }, 10000);
    rec.problem = rows.r.find((t) => problem.test(t));
  },

  async 'fix-all-on-save'(rec) {
    const { file, lines } = expected.fixAllOnSave;
    await openFile(file);
    await need(page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').first(), `a squiggle in ${file}`, 20000);
    // Make the file dirty, then save from the keyboard: an explicit save runs codeActionsOnSave.
    await goTo(9, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+s');
    const got = await waitFor(
      'every quick fix applied on save',
      async () => {
        const text = await editorText();
        const bad = Object.entries(lines).filter(([n, want]) => text[Number(n) - 1]?.trim() !== want);
        return { ok: bad.length === 0, text, detail: JSON.stringify(bad.map(([n]) => text[Number(n) - 1])) };
      },
      15000,
    );
    rec.lines = Object.keys(lines).map((n) => got.text[Number(n) - 1]);
    // The fixes are part of the save, so the file on disk has them too.
    await waitFor('the fixed text on disk', async () => {
      const t = fs.readFileSync(path.join(WS, file), 'utf8');
      return { ok: Object.values(lines).every((l) => t.includes(l)), detail: JSON.stringify(t.slice(0, 300)) };
    }, 5000);
  },

  async companion(rec) {
    const { log: logLine, plainLine, plainCol } = expected.companion;
    await waitFor('the output channel announcing companion mode', async () => {
      const text = outputLogs();
      return { ok: logLine.test(text), detail: 'no "companion mode (sumneko.lua is installed)" in the buflsp output' };
    }, 20000);
    await openMistakes();
    await need(page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first(), 'a squiggle: diagnostics stay in companion mode', 30000);
    // The buffer method still gets its hover...
    const { line, col, mustMatch } = expected.hover;
    await goTo(line, col);
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i');
    const got = await waitFor('a hover with the signature of put', async () => {
      const text = (await page.locator('.monaco-hover-content:visible').allInnerTexts()).join('\n');
      return { ok: mustMatch.every((re) => re.test(text)), text, detail: JSON.stringify(text.slice(0, 300)) };
    }, 10000);
    rec.bufferHover = got.text;
    await page.keyboard.press('Escape');
    // ...and the plain local gets none from buflsp (the other server would answer it).
    await goTo(plainLine, plainCol);
    await page.keyboard.press('Control+k');
    await page.keyboard.press('Control+i');
    await page.waitForTimeout(2500);
    const texts = (await page.locator('.monaco-hover-content:visible').allInnerTexts()).join('\n');
    rec.plainHover = texts;
    await shot('companion-plain-hover');
    if (expected.hover.plain.mustMatch.test(texts)) {
      throw new Error(`buflsp hovered the plain local s in companion mode: ${JSON.stringify(texts.slice(0, 200))}`);
    }
    await page.keyboard.press('Escape');
  },

  async evaluate(rec) {
    const { file, output, value } = expected.evaluate;
    await openFile(file);
    await focusEditor();
    await runCommand('buflsp: Evaluate File');
    const got = await waitFor(
      `"${output}" and "=> ${value}" in the buflsp: Evaluate output channel`,
      async () => {
        const texts = await page.locator('.part.panel .output .view-lines, .part.panel .monaco-editor .view-lines').allInnerTexts();
        const text = texts.join('\n').replace(/\u00a0/g, ' ');
        const refused = /error: the server could not evaluate: .*/.exec(text);
        if (refused) {
          // The request itself failed (for example the server has no buflsp.evaluate): waiting longer
          // cannot change that.
          throw new Error(`Evaluate File: ${refused[0]}`);
        }
        return { ok: text.includes(output) && text.includes(`=> ${value}`), text, detail: JSON.stringify(text.slice(-400)) };
      },
      15000,
    );
    rec.output = got.text;
    // The inline result is an `after` decoration: its text lives in a CSS ::after rule or injected text.
    const inline = await waitFor(
      `an inline "⇒ ${value}" after the evaluated code`,
      async () => {
        const texts = await page.locator('.editor-group-container.active .monaco-editor .view-lines').evaluate((root) => {
          const found = [];
          for (const el of root.querySelectorAll('span')) {
            const c = getComputedStyle(el, '::after').content;
            if (c && c !== 'none' && c.includes('⇒')) {
              found.push(c);
            }
            if (el.children.length === 0 && (el.textContent || '').includes('⇒')) {
              found.push(el.textContent);
            }
          }
          return found;
        });
        return { ok: texts.some((t) => t.includes(value)), texts, detail: JSON.stringify(texts) };
      },
      5000,
    );
    rec.inline = inline.texts;
  },

  // Runs last: it leaves the extension without a server.
  async 'missing-server'(rec) {
    // Through the Settings editor, as a user would; VS Code did not pick up edits of the
    // settings.json file on disk in time.
    await runCommand('Preferences: Open User Settings');
    const search = page.locator('.settings-editor .suggest-input-container textarea, .settings-editor .search-container input').first();
    await search.waitFor({ timeout: 10000 });
    // buflsp.path is machine-overridable, so in code-server it lives in the Remote tab.
    await page.locator('.settings-tabs-widget .action-label', { hasText: 'Remote' }).first().click();
    await search.fill('buflsp.path');
    const input = page.locator('.settings-editor input[aria-label="buflsp.path"]').first();
    await input.waitFor({ timeout: 10000 });
    await input.fill(expected.missingServer.path);
    await input.press('Tab');
    const got = await waitFor(
      'a notification saying how to install buflsp',
      async () => {
        const texts = await notifications();
        return { ok: texts.some((t) => expected.missingServer.notification.test(t)), texts, detail: JSON.stringify(texts) };
      },
      20000,
    );
    rec.notification = got.texts.find((t) => expected.missingServer.notification.test(t));
    const item = page.locator('.statusbar-item', { hasText: 'buflsp' }).first();
    await waitFor('"not installed" in the status bar', async () => {
      const t = (await item.innerText()).trim();
      return { ok: t.includes('not installed'), detail: t };
    }, 5000);
    rec.statusBar = (await item.innerText()).trim();
  },
};

// ---- main ------------------------------------------------------------------------------------------

async function main() {
  const selected = selectedChecks();
  result.selected = selected;
  fs.mkdirSync(ART, { recursive: true });
  const profile = env.PROFILE;
  fs.mkdirSync(profile, { recursive: true });
  log(`launching chromium for ${CS_URL}`);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    // No traffic off the machine: no background networking, component updates, sync or QUIC probes.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-domain-reliability'],
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'xdg-config'), XDG_CACHE_HOME: path.join(profile, 'xdg-cache') },
  });
  page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(15000);
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(WS)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  log('workbench visible');
  await openFile('mistakes.lua');
  log('mistakes.lua open');
  // The extension activates on the Lua file; its status bar item says whether the server runs.
  try {
    const item = page.locator('.statusbar-item', { hasText: 'buflsp' }).first();
    await item.waitFor({ timeout: 20000 });
    await waitFor('the server state in the status bar', async () => {
      const t = (await item.innerText()).trim();
      return { ok: !/starting/.test(t), detail: t };
    }, 20000);
    result.statusBar = (await item.innerText()).trim();
    log(`status bar: ${result.statusBar}`);
  } catch (err) {
    log(`status bar item: ${err.message}`);
  }

  let failed = 0;
  for (const name of selected) {
    const rec = { ok: false };
    result.checks[name] = rec;
    const t0 = Date.now();
    log(`check ${name}`);
    try {
      await checks[name](rec);
      rec.ok = true;
      await shot(name);
      log(`check ${name}: ok`);
    } catch (err) {
      failed++;
      rec.error = err.message.split('\n')[0];
      await shot(`${name}-failed`);
      rec.notifications = await notifications();
      log(`check ${name}: FAILED: ${rec.error}`);
      await page.keyboard.press('Escape').catch(() => {});
    }
    rec.ms = Date.now() - t0;
  }
  result.notifications = await notifications();
  const summary = selected.map((n) => `${n}=${result.checks[n].ok ? 'ok' : 'FAIL'}`).join(' ');
  log(`summary: ${summary}`);
  return failed === 0 ? 0 : 1;
}

let code;
try {
  code = await main();
} catch (err) {
  log(`harness error: ${err.message.split('\n')[0]}`);
  if (page) {
    await shot('error');
    result.notifications = await notifications();
  }
  code = 2;
}
clearTimeout(deadline);
writeResult(code);
await context?.close().catch(() => {});
process.exit(code);
