package lsp

// Tests of answers from the newest completed analysis (stale.go): right
// after an edit, hover, completion and signature help must say what a fully
// analysed version of the edited text says, whether they answered from the
// older analysis (the edit is away from the cursor's word) or waited for the
// new one (the word was typed since).

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

type staleCase struct {
	name   string
	method string // hover, completion, signature
	edits  []contentChange
	// The cursor is at the first occurrence of at in the edited text,
	// plus delta bytes.
	at    string
	delta int
	// stale says whether the answer must come from the older analysis
	// (true) or from the edited version (false).
	stale bool
	// want is a substring the answer must contain ("" for an empty one).
	want string
}

func chg(l1, c1, l2, c2 uint32, text string) contentChange {
	return contentChange{Range: &protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}, Text: text}
}

func staleCases() []staleCase {
	return []staleCase{
		{name: "hover/line-inserted-before", method: "hover", edits: []contentChange{chg(0, 0, 0, 0, "local zz = 1\n")}, at: "print(n", delta: 6, stale: true, want: "local n: number 42"},
		{name: "hover/lines-deleted-before", method: "hover", edits: []contentChange{chg(2, 0, 3, 0, "")}, at: "print(n, p", delta: 9, stale: true, want: "local p"},
		{name: "hover/multi-line-insert-member", method: "hover", edits: []contentChange{chg(5, 0, 5, 0, "local a = 1\nlocal b = 2\n")}, at: "sbuf:reset", delta: 6, stale: true, want: "reset"},
		{name: "hover/utf16-before-on-line", method: "hover", edits: []contentChange{chg(6, 0, 6, 0, "local s = \"é€😀\"; ")}, at: "print(n", delta: 6, stale: true, want: "local n: number 42"},
		{name: "hover/edit-after-range", method: "hover", edits: []contentChange{chg(6, 16, 6, 16, " -- done")}, at: "print(n", delta: 6, stale: true, want: "local n: number 42"},
		{name: "hover/stale-pointer-line-moves", method: "hover", edits: []contentChange{chg(0, 0, 0, 0, "-- one\n-- two\n")}, at: "print(n, p", delta: 9, stale: true, want: "by the call on line 8"},
		{name: "hover/edit-inside-word", method: "hover", edits: []contentChange{chg(6, 7, 6, 7, "n")}, at: "print(nn", delta: 7, stale: false, want: "(global) nn"},
		{name: "hover/full-text-change", method: "hover", edits: []contentChange{{Text: "-- header\n" + staleBase}}, at: "print(n", delta: 6, stale: true, want: "local n: number 42"},
		{name: "completion/colon-typed", method: "completion", edits: []contentChange{chg(7, 14, 7, 14, ":")}, at: "q = sbuf:", delta: 9, stale: true, want: `"label":"put"`},
		{name: "completion/colon-and-prefix-typed", method: "completion", edits: []contentChange{chg(7, 14, 7, 14, ":res")}, at: "q = sbuf:res", delta: 12, stale: true, want: `"label":"reset"`},
		{name: "completion/comment-typed-before", method: "completion", edits: []contentChange{chg(7, 10, 7, 10, "-- "), chg(7, 17, 7, 17, ":")}, at: "-- sbuf:", delta: 8, stale: true, want: ""},
		{name: "completion/string-typed-before", method: "completion", edits: []contentChange{chg(7, 10, 7, 10, "\""), chg(7, 15, 7, 15, ":\"")}, at: "\"sbuf:", delta: 6, stale: true, want: ""},
		{name: "completion/existing-word", method: "completion", edits: []contentChange{chg(0, 0, 0, 0, "local zz = 1\n")}, at: "print(n", delta: 7, stale: true, want: `"label":"next"`},
		{name: "completion/fresh-word", method: "completion", edits: []contentChange{chg(7, 14, 7, 14, "\nse")}, at: "\nse", delta: 3, stale: false, want: `"label":"select"`},
		{name: "signature/edit-before", method: "signature", edits: []contentChange{chg(0, 0, 0, 0, "local zz = 1\n")}, at: ", 1)", delta: 2, stale: true, want: `"activeParameter":1`},
		{name: "signature/argument-typed", method: "signature", edits: []contentChange{chg(2, 9, 2, 9, "\"a\", ")}, at: "\"a\", ", delta: 5, stale: false, want: `"activeParameter":1`},
	}
}

var staleBase = func() string {
	data, err := os.ReadFile("testdata/stale/base.lua")
	if err != nil {
		panic(err)
	}
	return string(data)
}()

// ask sends one request of the case's kind to the server in-process and
// returns its answer as JSON.
func (sc staleCase) ask(t *testing.T, srv *Server, pos protocol.Position) string {
	t.Helper()
	ctx := context.Background()
	tdp := protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: testURI}, Position: pos}
	var res any
	var err error
	switch sc.method {
	case "hover":
		res, err = srv.hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: tdp})
	case "completion":
		res, err = srv.completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: tdp})
	case "signature":
		res, err = srv.signatureHelp(ctx, &protocol.SignatureHelpParams{TextDocumentPositionParams: tdp})
	}
	if err != nil {
		t.Fatalf("%s: %v", sc.method, err)
	}
	data, _ := json.Marshal(res)
	return string(data)
}

func (sc staleCase) check(t *testing.T, got string) {
	t.Helper()
	if sc.want == "" {
		if strings.Contains(got, `"label"`) {
			t.Errorf("want no items, got %s", got)
		}
		return
	}
	if !strings.Contains(got, sc.want) {
		t.Errorf("answer lacks %q: %s", sc.want, got)
	}
}

// TestStaleAnswers applies each edit without starting the new version's
// analysis, asks, and checks that the answer came from the older analysis
// exactly when the case says so, and equals the answer of the fully
// analysed new version.
func TestStaleAnswers(t *testing.T) {
	for _, sc := range staleCases() {
		t.Run(sc.name, func(t *testing.T) {
			c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
			c.open(testURI, staleBase)
			c.diagnosticsFor(testURI, 1)
			srv := c.server
			srv.store.get(testURI).Index()
			// The store alone: no warm-up and no scheduled analysis, so the
			// new version is analysed only if the request asks for it.
			snap, _, err := srv.store.change(testURI, 2, sc.edits)
			if err != nil {
				t.Fatal(err)
			}
			i := strings.Index(string(snap.Content), sc.at)
			if i < 0 {
				t.Fatalf("%q is not in the edited text:\n%s", sc.at, snap.Content)
			}
			pos := snap.Mapper.OffsetPosition(i + sc.delta)
			got := sc.ask(t, srv, pos)
			if stale := !snap.indexReady(); stale != sc.stale {
				t.Errorf("answered from the older analysis: %v, want %v", stale, sc.stale)
			}
			snap.Index()
			want := sc.ask(t, srv, pos)
			if got != want {
				t.Errorf("right after the edit:\n%s\nfully analysed:\n%s", got, want)
			}
			sc.check(t, got)
		})
	}
}

// TestStaleAnswersOverTheWire sends each edit as a didChange and the request
// right after it, as an editor does, then asks again once the version's
// diagnostics are published: both answers must be equal.
func TestStaleAnswersOverTheWire(t *testing.T) {
	methods := map[string]string{"hover": "textDocument/hover", "completion": "textDocument/completion", "signature": "textDocument/signatureHelp"}
	for _, sc := range staleCases() {
		t.Run(sc.name, func(t *testing.T) {
			c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
			c.open(testURI, staleBase)
			c.diagnosticsFor(testURI, 1)
			c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": testURI, "version": 2}, "contentChanges": sc.edits})
			// The edited text as the client has it (the server applies the
			// change on its own goroutine).
			st := newStore()
			st.open(newSnapshot(testURI, 1, []byte(staleBase), nil, nil))
			snap, _, err := st.change(testURI, 2, sc.edits)
			if err != nil {
				t.Fatal(err)
			}
			i := strings.Index(string(snap.Content), sc.at)
			if i < 0 {
				t.Fatalf("%q is not in the edited text", sc.at)
			}
			pos := snap.Mapper.OffsetPosition(i + sc.delta)
			params := posParams(testURI, int(pos.Line), int(pos.Character))
			var first, second json.RawMessage
			if err := c.call(methods[sc.method], params, &first); err != nil {
				t.Fatal(err)
			}
			c.diagnosticsFor(testURI, 2)
			if err := c.call(methods[sc.method], params, &second); err != nil {
				t.Fatal(err)
			}
			if string(first) != string(second) {
				t.Errorf("right after the edit:\n%s\nafter its diagnostics:\n%s", first, second)
			}
			sc.check(t, string(first))
		})
	}
}
