package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap/zaptest"
)

// bigDocument returns a Lua file of exactly n lines shaped like real code:
// three module-level locals, then functions of eight lines each (Lua allows
// at most 200 locals per function, so big files nest their code), padded
// with comments. bigLocalLine(k) is the line of "local v<k>" in function k.
func bigDocument(n int) string {
	var b strings.Builder
	b.WriteString("local M = require(\"string.buffer\")\nlocal sbuf = M.new()\nlocal Mod = {}\n")
	k := 0
	for line := 3; line < n; {
		if n-line < 8 {
			b.WriteString("-- padding\n")
			line++
			continue
		}
		id := itoa(k)
		b.WriteString("function Mod.f" + id + "(a, b)\n")
		b.WriteString("  local v" + id + " = sbuf:put(\"é😀\", a)\n")
		b.WriteString("  sbuf:reset()\n")
		b.WriteString("  -- comment line\n")
		b.WriteString("  local t = {a, b}\n")
		b.WriteString("  if a > b then return t end\n")
		b.WriteString("  return a + b\n")
		b.WriteString("end\n")
		line += 8
		k++
	}
	return b.String()
}

// bigFunctions is how many functions bigDocument(n) holds.
func bigFunctions(n int) int { return (n - 3) / 8 }

// bigLocalLine is the zero-based line of "  local v<k> = ..." in bigDocument.
func bigLocalLine(k int) int { return 3 + 8*k + 1 }

func TestHundredThousandLineDocument(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	text := bigDocument(100_000)
	c.open(testURI, text)
	if d := c.diagnosticsFor(testURI, 1); len(d) != 0 {
		t.Fatalf("unexpected diagnostics on the big document: %v", d[:min(3, len(d))])
	}
	// Hover at the last local: positions near the end map correctly.
	k := bigFunctions(100_000) - 1
	var h protocol.Hover
	if err := c.call("textDocument/hover", posParams(testURI, bigLocalLine(k), 8), &h); err != nil {
		t.Fatal(err)
	}
	if !containsAll(h.Contents.Value, "local v"+itoa(k), "string.buffer") {
		t.Errorf("hover at line %d = %q", bigLocalLine(k), h.Contents.Value)
	}
	// A one-character edit at the end is applied and re-analysed.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": testURI, "version": 2},
		"contentChanges": []any{map[string]any{"range": rng(99_999, 0, 99_999, 0), "text": "("}},
	})
	d := c.diagnosticsFor(testURI, 2)
	if len(d) != 1 || d[0].Code != "syntax-error" || d[0].Range.Start.Line < 99_998 {
		t.Fatalf("after breaking the last line: %v", d)
	}
}

func TestPositionsPastLineEnd(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	c.open(testURI, "local abc = 1\nprint(abc)\n")
	c.diagnosticsFor(testURI, 1)
	// A column far past the end of line 0 clamps to the line end, which is
	// just after "1": no name there, so no hover, and no error either.
	var h *protocol.Hover
	if err := c.call("textDocument/hover", posParams(testURI, 0, 500), &h); err != nil {
		t.Fatalf("hover past the line end: %v", err)
	}
	if h != nil {
		t.Errorf("hover past the line end = %v, want null", h.Contents.Value)
	}
	// Past the end of line 1 clamps to after ")"... and a line past the end
	// of the document clamps to its end.
	for _, pos := range [][2]int{{1, 1000}, {5000, 3}} {
		var locs []protocol.Location
		if err := c.call("textDocument/definition", posParams(testURI, pos[0], pos[1]), &locs); err != nil {
			t.Fatalf("definition at %v: %v", pos, err)
		}
	}
	// Clamping on an identifier: line 1 is "print(abc)"; column 9 is right
	// after "abc", which still resolves.
	var locs []protocol.Location
	if err := c.call("textDocument/definition", posParams(testURI, 1, 9), &locs); err != nil || len(locs) != 1 || locs[0].Range.Start != pos(0, 6) {
		t.Fatalf("definition after abc: %v %v", locs, err)
	}
	// An edit whose range lies past the end of the document appends.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": testURI, "version": 2},
		"contentChanges": []any{map[string]any{"range": rng(40, 2, 41, 0), "text": "x = 1\n"}},
	})
	c.diagnosticsFor(testURI, 2)
	if got := string(c.server.store.get(testURI).Content); got != "local abc = 1\nprint(abc)\nx = 1\n" {
		t.Errorf("text after an edit past the end = %q", got)
	}
}

func TestCancellation(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true, Debounce: time.Hour}})
	// The debounce keeps the diagnostics worker away, so the hover below is
	// the one that starts the (slow, 100,000-line) analysis and waits for it.
	c.open(testURI, bigDocument(100_000))
	id, ch := c.send("textDocument/hover", posParams(testURI, bigLocalLine(1), 8))
	c.notify("$/cancelRequest", map[string]any{"id": json.RawMessage(id)})
	err := c.await("hover", ch, nil)
	var re *rpcError
	if !errors.As(err, &re) || re.Code != -32800 {
		t.Fatalf("cancelled hover: got %v, want error -32800 (RequestCancelled)", err)
	}
	// Cancelling an id that is not running is harmless.
	c.notify("$/cancelRequest", map[string]any{"id": 999})
	var h protocol.Hover
	if err := c.call("textDocument/hover", posParams(testURI, bigLocalLine(1), 8), &h); err != nil {
		t.Fatalf("hover after cancellation: %v", err)
	}
}

func TestStaleResultsDropped(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true, Debounce: 300 * time.Millisecond}})
	c.open(testURI, "local a = 1\n")
	for v := 2; v <= 6; v++ {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": testURI, "version": v},
			"contentChanges": []any{map[string]any{"text": "local a = " + itoa(v) + "\n"}},
		})
	}
	c.diagnosticsFor(testURI, 6)
	c.mu.Lock()
	defer c.mu.Unlock()
	last := int32(0)
	for _, p := range c.diags[testURI] {
		if p.Version == nil {
			t.Fatalf("published diagnostics of an open file without a version")
		}
		if *p.Version < last {
			t.Errorf("diagnostics for version %d published after version %d", *p.Version, last)
		}
		last = *p.Version
	}
	// The burst of edits arrived within the debounce: the intermediate
	// versions must not all have been analysed and published.
	if n := len(c.diags[testURI]); n >= 6 {
		t.Errorf("%d publications for 6 quick versions: the debounce did not coalesce", n)
	}
}

func TestWorkspaceScanProgressAndWatchedFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("ok.lua", "local function helper() end\n")
	bad := write("sub/bad.lua", "local x = = 1\n")
	write("node_modules/skip.lua", "local = \n")
	write("vendor/ignored.lua", "local = \n")
	write(".buflsp.toml", "ignore = [\"vendor\"]\n")
	c := newClient(t, clientOptions{rootURI: string(uri.File(dir))})
	badURI := uri.File(bad)
	c.waitFor("workspace diagnostics and progress end", func() bool {
		return c.scanEnded() && len(c.diags[badURI]) > 0
	})
	c.mu.Lock()
	for u := range c.diags {
		if strings.Contains(string(u), "node_modules") || strings.Contains(string(u), "vendor") {
			t.Errorf("diagnostics published for a skipped file %s", u)
		}
	}
	first := c.diags[badURI][0]
	c.mu.Unlock()
	if first.Version != nil || len(first.Diagnostics) == 0 || first.Diagnostics[0].Code != "syntax-error" {
		t.Fatalf("workspace diagnostics for bad.lua = %+v", first)
	}
	var syms []protocol.SymbolInformation
	if err := c.call("workspace/symbol", map[string]any{"query": "help"}, &syms); err != nil || len(syms) != 1 || syms[0].Name != "helper" {
		t.Fatalf("workspace/symbol: %v %v", syms, err)
	}
	// The file is fixed on disk; the watcher notification re-analyses it.
	write("sub/bad.lua", "local x = 1\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": badURI, "type": 2}}})
	c.waitFor("cleared diagnostics", func() bool {
		ds := c.diags[badURI]
		return len(ds) > 1 && len(ds[len(ds)-1].Diagnostics) == 0
	})
}

func TestConfigurationChangesSeverity(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	text := "---@diagnostic disable-next-line: no-such-rule\nlocal x = 1\n"
	c.open(testURI, text)
	d := c.diagnosticsFor(testURI, 1)
	if len(d) != 1 || d[0].Code != "unknown-rule" || d[0].Severity != protocol.DiagnosticSeverityWarning {
		t.Fatalf("before configuration: %v", d)
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"buflsp": map[string]any{"rules": map[string]any{"unknown-rule": "error"}}}})
	c.waitFor("re-published diagnostics with the new severity", func() bool {
		ds := c.diags[testURI]
		last := ds[len(ds)-1]
		return len(ds) > 1 && len(last.Diagnostics) == 1 && last.Diagnostics[0].Severity == protocol.DiagnosticSeverityError
	})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"rules": map[string]any{"unknown-rule": "off"}}})
	c.waitFor("diagnostics turned off", func() bool {
		ds := c.diags[testURI]
		return len(ds[len(ds)-1].Diagnostics) == 0
	})
}

func TestPullConfiguration(t *testing.T) {
	caps := defaultCapabilities()
	caps["workspace"] = map[string]any{"configuration": true}
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}, capabilities: caps,
		config: json.RawMessage(`{"rules": {"unknown-rule": "hint"}}`)})
	c.waitFor("workspace/configuration request", func() bool {
		for _, r := range c.serverReq {
			if r.Method == "workspace/configuration" {
				return true
			}
		}
		return false
	})
	c.open(testURI, "---@diagnostic disable-next-line: no-such-rule\nlocal x = 1\n")
	c.waitFor("hint severity from pulled settings", func() bool {
		ds := c.diags[testURI]
		return len(ds) > 0 && len(ds[len(ds)-1].Diagnostics) == 1 && ds[len(ds)-1].Diagnostics[0].Severity == protocol.DiagnosticSeverityHint
	})
}

func TestServeTCP(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	addrCh := make(chan net.Addr, 1)
	done := make(chan int, 1)
	go func() {
		code, _ := ServeTCP(ctx, "127.0.0.1:0", Options{Logger: zaptest.NewLogger(t), NoWorkspaceScan: true}, func(a net.Addr) { addrCh <- a })
		done <- code
	}()
	var addr net.Addr
	select {
	case addr = <-addrCh:
	case <-time.After(waitTimeout):
		t.Fatal("no listener")
	}
	conn, err := net.Dial("tcp", addr.String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	w := &frameWriter{out: conn}
	r := newFrameReader(conn)
	for _, msg := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
	} {
		if err := w.WriteRaw([]byte(msg)); err != nil {
			t.Fatal(err)
		}
		body, err := r.Read()
		if err != nil || !strings.Contains(string(body), `"result"`) {
			t.Fatalf("reply %s: %v", body, err)
		}
	}
	if err := w.WriteRaw([]byte(`{"jsonrpc":"2.0","method":"exit"}`)); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit code %d, want 0", code)
		}
	case <-time.After(waitTimeout):
		t.Fatal("TCP server did not stop")
	}
}

func TestCapabilitiesAreHonest(t *testing.T) {
	c := startClient(t, Options{NoWorkspaceScan: true})
	var res struct {
		Capabilities map[string]json.RawMessage `json:"capabilities"`
	}
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}}}, &res); err != nil {
		t.Fatal(err)
	}
	for _, absent := range []string{"documentFormattingProvider", "documentRangeFormattingProvider", "documentOnTypeFormattingProvider", "foldingRangeProvider"} {
		if _, ok := res.Capabilities[absent]; ok {
			t.Errorf("capability %s is announced but not implemented", absent)
		}
	}
	if string(res.Capabilities["positionEncoding"]) != `"utf-16"` {
		t.Errorf("positionEncoding = %s, want utf-16", res.Capabilities["positionEncoding"])
	}
	// Every announced provider has a route.
	providers := map[string]string{
		"hoverProvider": "textDocument/hover", "completionProvider": "textDocument/completion",
		"signatureHelpProvider": "textDocument/signatureHelp", "definitionProvider": "textDocument/definition",
		"referencesProvider": "textDocument/references", "documentHighlightProvider": "textDocument/documentHighlight",
		"renameProvider": "textDocument/rename", "documentSymbolProvider": "textDocument/documentSymbol",
		"workspaceSymbolProvider": "workspace/symbol", "codeActionProvider": "textDocument/codeAction",
		"inlayHintProvider": "textDocument/inlayHint", "semanticTokensProvider": "textDocument/semanticTokens/full",
	}
	for capName, method := range providers {
		if _, ok := res.Capabilities[capName]; !ok {
			t.Errorf("capability %s missing", capName)
		}
		if _, ok := c.server.routes[method]; !ok {
			t.Errorf("%s announced without a route for %s", capName, method)
		}
	}
}

func TestSaveRefreshesWorkspaceDiagnostics(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.lua")
	if err := os.WriteFile(path, []byte("local x = = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u := uri.File(path)
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}, rootURI: string(uri.File(dir))})
	c.open(u, "local x = = 1\n")
	c.diagnosticsFor(u, 1)
	// The user fixes the file and saves it, then closes it: the diagnostics
	// shown for the closed file are those of the saved text (none).
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": 2}, "contentChanges": []any{map[string]any{"text": "local x = 1\n"}}})
	if err := os.WriteFile(path, []byte("local x = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": u}})
	c.diagnosticsFor(u, 2)
	c.waitFor("the saved file in the workspace index", func() bool {
		c.server.ws.mu.RLock()
		defer c.server.ws.mu.RUnlock()
		return c.server.ws.files[u] != nil
	})
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": u}})
	c.waitFor("unversioned diagnostics after close", func() bool {
		ds := c.diags[u]
		last := ds[len(ds)-1]
		return last.Version == nil && len(last.Diagnostics) == 0
	})
}

func TestPulledNullKeepsInitializationOptions(t *testing.T) {
	caps := defaultCapabilities()
	caps["workspace"] = map[string]any{"configuration": true}
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}, capabilities: caps,
		initOptions: map[string]any{"rules": map[string]any{"unknown-rule": "error"}}})
	c.waitFor("workspace/configuration request answered", func() bool {
		for _, r := range c.serverReq {
			if r.Method == "workspace/configuration" {
				return true
			}
		}
		return false
	})
	c.open(testURI, "---@diagnostic disable-next-line: no-such-rule\nlocal x = 1\n")
	d := c.diagnosticsFor(testURI, 1)
	if len(d) != 1 || d[0].Severity != protocol.DiagnosticSeverityError {
		t.Fatalf("a null configuration answer dropped the initializationOptions: %v", d)
	}
	// By the next version the answer has certainly been handled.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": testURI, "version": 2}, "contentChanges": []any{map[string]any{"text": "---@diagnostic disable-next-line: no-such-rule\nlocal y = 1\n"}}})
	if d := c.diagnosticsFor(testURI, 2); len(d) != 1 || d[0].Severity != protocol.DiagnosticSeverityError {
		t.Fatalf("version 2: a null configuration answer dropped the initializationOptions: %v", d)
	}
}

// TestLuarcDecidesTargetAndReloads follows a LuaLS .luarc.json: its
// runtime.version picks the dialect of an open file, and a saved change to
// it re-analyses the file with the new one.
func TestLuarcDecidesTargetAndReloads(t *testing.T) {
	dir := t.TempDir()
	luarc := filepath.Join(dir, ".luarc.json")
	if err := os.WriteFile(luarc, []byte(`{"runtime": {"version": "Lua 5.4"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "a.lua")
	text := "local n <const> = 7 // 2\nreturn n\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, clientOptions{rootURI: string(uri.File(dir)), server: Options{NoWorkspaceScan: true}})
	u := uri.File(file)
	c.open(u, text)
	if d := c.diagnosticsFor(u, 1); len(d) != 0 {
		t.Fatalf("Lua 5.4 from .luarc.json: want no diagnostics, got %v", d)
	}
	if err := os.WriteFile(luarc, []byte(`{"runtime": {"version": "Lua 5.1"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": uri.File(luarc)}})
	c.waitFor("syntax errors under Lua 5.1", func() bool {
		ds := c.diags[u]
		last := ds[len(ds)-1].Diagnostics
		return len(ds) > 1 && len(last) > 0 && last[0].Code == "syntax-error"
	})
}
