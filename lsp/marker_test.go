package lsp

// This file is the data-driven feature test. Each testdata/lsp/<feature>/*.txtar
// archive holds a free-text header, optional settings.json (sent as
// initializationOptions), Lua files that are opened in order, and golden
// sections named "@name". A Lua comment "--@kind("name", "anchor", args...)"
// asks for one request: the anchor is text on the marker's own line, or on
// the line above when the marker stands alone on its line (the request's
// position is the anchor's start, or its end for completion and signature
// help), and the rendered answer must equal the golden section "@name".
// Run "go test ./lsp -run TestMarkers -update" to rewrite the goldens.

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/testutil"
	"go.lsp.dev/protocol"
)

var update = flag.Bool("update", false, "rewrite golden files")

var markerRE = regexp.MustCompile(`--@(\w+)\((.*)\)\s*$`)

// marker is one request asked for in a Lua file.
type marker struct {
	kind   string
	golden string
	args   []string
	uri    protocol.DocumentURI
	text   string
	line   int // zero-based
	pos    protocol.Position
	where  string // file:line for messages
}

func TestMarkers(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "lsp", "*", "*.txtar"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no marker tests found (%v)", err)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(strings.TrimPrefix(filepath.ToSlash(path), "../testdata/lsp/"), ".txtar")
		t.Run(name, func(t *testing.T) { runArchive(t, path) })
	}
}

func runArchive(t *testing.T, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := testutil.ParseArchive(string(data))
	opts := clientOptions{server: Options{NoWorkspaceScan: true}}
	if s, ok := a.Get("settings.json"); ok {
		opts.initOptions = json.RawMessage(s)
	}
	c := newClient(t, opts)
	var markers []*marker
	for _, f := range a.Files {
		if !strings.HasSuffix(f.Name, ".lua") && !strings.HasSuffix(f.Name, ".luau") {
			continue
		}
		u := protocol.DocumentURI("file:///ws/" + f.Name)
		c.open(u, f.Data)
		c.diagnosticsFor(u, 1)
		ms, err := findMarkers(u, f.Name, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		markers = append(markers, ms...)
	}
	if len(markers) == 0 {
		t.Fatalf("%s has no markers", path)
	}
	changed := false
	for _, m := range markers {
		got := runMarker(t, c, m)
		want, ok := a.Get("@" + m.golden)
		if *update {
			if !ok || want != got {
				a.Set("@"+m.golden, got)
				changed = true
			}
			continue
		}
		if !ok {
			t.Errorf("%s: no golden section @%s (run with -update)", m.where, m.golden)
			continue
		}
		if got != want {
			t.Errorf("%s: %s(%q) mismatch\n--- got ---\n%s--- want ---\n%s", m.where, m.kind, m.golden, got, want)
		}
	}
	if changed {
		if err := os.WriteFile(path, []byte(a.Format()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func findMarkers(u protocol.DocumentURI, name, text string) ([]*marker, error) {
	var out []*marker
	mapper := NewMapper([]byte(text))
	lineStart, prevStart := 0, 0
	prev := ""
	for i, line := range strings.SplitAfter(text, "\n") {
		loc := markerRE.FindStringSubmatchIndex(line)
		if loc != nil {
			kind := line[loc[2]:loc[3]]
			var args []string
			if err := json.Unmarshal([]byte("["+line[loc[4]:loc[5]]+"]"), &args); err != nil || len(args) == 0 {
				return nil, fmt.Errorf("%s:%d: marker arguments must be quoted strings, the first a golden name: %v", name, i+1, err)
			}
			m := &marker{kind: kind, golden: args[0], args: args[1:], uri: u, text: text, line: i, where: fmt.Sprintf("%s:%d", name, i+1)}
			code := line[:loc[0]]
			off := lineStart
			if strings.TrimSpace(code) == "" {
				// A marker alone on its line anchors in the line above
				// (for lines that cannot hold a trailing comment).
				code, off = prev, prevStart
			}
			if len(m.args) > 0 && m.args[0] != "" {
				at := strings.Index(code, m.args[0])
				if at < 0 {
					return nil, fmt.Errorf("%s: anchor %q not found before the marker", m.where, m.args[0])
				}
				off += at
				if kind == "complete" || kind == "sig" {
					off += len(m.args[0])
				}
			}
			m.pos = mapper.OffsetPosition(off)
			out = append(out, m)
		}
		prev, prevStart = line, lineStart
		lineStart += len(line)
	}
	return out, nil
}

func runMarker(t *testing.T, c *testClient, m *marker) string {
	pp := map[string]any{"textDocument": map[string]any{"uri": m.uri}, "position": m.pos}
	doc := map[string]any{"textDocument": map[string]any{"uri": m.uri}}
	var b strings.Builder
	fail := func(err error) string { return fmt.Sprintf("error: %v\n", err) }
	switch m.kind {
	case "diags":
		for _, d := range c.diagnosticsFor(m.uri, 1) {
			fmt.Fprintf(&b, "%s %s %v: %s\n", fmtRange(d.Range), severityName(d.Severity), d.Code, d.Message)
			for _, r := range d.RelatedInformation {
				fmt.Fprintf(&b, "\trelated %s: %s\n", fmtRange(r.Location.Range), r.Message)
			}
			for _, tag := range d.Tags {
				fmt.Fprintf(&b, "\ttag %v\n", tag)
			}
		}
	case "hover":
		var h *protocol.Hover
		if err := c.call("textDocument/hover", pp, &h); err != nil {
			return fail(err)
		}
		if h == nil {
			return "<nil>\n"
		}
		fmt.Fprintf(&b, "range %s «%s»\n%s\n", fmtRange(*h.Range), textAt(m.text, *h.Range), h.Contents.Value)
	case "complete":
		var list protocol.CompletionList
		if err := c.call("textDocument/completion", pp, &list); err != nil {
			return fail(err)
		}
		for _, it := range list.Items {
			fmt.Fprintf(&b, "%s\t%s\t%s\n", it.Label, it.Detail, it.InsertText)
		}
		if len(list.Items) > 0 {
			var res protocol.CompletionItem
			if err := c.call("completionItem/resolve", list.Items[0], &res); err != nil {
				return fail(err)
			}
			if md, ok := res.Documentation.(map[string]any); ok {
				fmt.Fprintf(&b, "resolve %s: %v\n", res.Label, firstLine(fmt.Sprint(md["value"]), 3))
			}
		}
	case "sig":
		var h *protocol.SignatureHelp
		if err := c.call("textDocument/signatureHelp", pp, &h); err != nil {
			return fail(err)
		}
		if h == nil {
			return "<nil>\n"
		}
		for _, s := range h.Signatures {
			fmt.Fprintf(&b, "%s\n", s.Label)
		}
		fmt.Fprintf(&b, "active %d\n", h.ActiveParameter)
	case "def", "refs", "highlight":
		var locs []protocol.Location
		switch m.kind {
		case "def":
			if err := c.call("textDocument/definition", pp, &locs); err != nil {
				return fail(err)
			}
		case "refs":
			pp["context"] = map[string]any{"includeDeclaration": true}
			if err := c.call("textDocument/references", pp, &locs); err != nil {
				return fail(err)
			}
		case "highlight":
			var hs []protocol.DocumentHighlight
			if err := c.call("textDocument/documentHighlight", pp, &hs); err != nil {
				return fail(err)
			}
			for _, h := range hs {
				fmt.Fprintf(&b, "%s «%s» kind %v\n", fmtRange(h.Range), textAt(m.text, h.Range), h.Kind)
			}
		}
		for _, l := range locs {
			fmt.Fprintf(&b, "%s «%s»\n", fmtRange(l.Range), textAt(m.text, l.Range))
		}
	case "prepare":
		var r *protocol.Range
		if err := c.call("textDocument/prepareRename", pp, &r); err != nil {
			return fail(err)
		}
		if r == nil {
			return "<nil>\n"
		}
		fmt.Fprintf(&b, "%s «%s»\n", fmtRange(*r), textAt(m.text, *r))
	case "rename":
		if len(m.args) < 2 {
			t.Fatalf("%s: rename needs an anchor and a new name", m.where)
		}
		pp["newName"] = m.args[1]
		var we protocol.WorkspaceEdit
		if err := c.call("textDocument/rename", pp, &we); err != nil {
			return fail(err)
		}
		b.WriteString(applyEdits(m.text, we.Changes[m.uri]))
	case "codeaction":
		r := protocol.Range{Start: m.pos, End: m.pos}
		var actions []protocol.CodeAction
		cctx := map[string]any{"diagnostics": []any{}}
		if len(m.args) > 1 { // the kinds asked for, as editors do on save
			cctx["only"] = m.args[1:]
		}
		if err := c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": m.uri}, "range": r, "context": cctx}, &actions); err != nil {
			return fail(err)
		}
		for _, a := range actions {
			fmt.Fprintf(&b, "== %s (%s, preferred %v)\n", a.Title, a.Kind, a.IsPreferred)
			if a.Edit != nil {
				b.WriteString(changedLines(m.text, applyEdits(m.text, a.Edit.Changes[m.uri])))
			}
		}
	case "symbols":
		var syms []protocol.DocumentSymbol
		if err := c.call("textDocument/documentSymbol", doc, &syms); err != nil {
			return fail(err)
		}
		var walk func([]protocol.DocumentSymbol, string)
		walk = func(ss []protocol.DocumentSymbol, indent string) {
			for _, s := range ss {
				fmt.Fprintf(&b, "%s%s (%s) kind %v %s\n", indent, s.Name, s.Detail, s.Kind, fmtRange(s.SelectionRange))
				walk(s.Children, indent+"  ")
			}
		}
		walk(syms, "")
	case "wsymbol":
		var syms []protocol.SymbolInformation
		q := ""
		if len(m.args) > 1 {
			q = m.args[1]
		}
		if err := c.call("workspace/symbol", map[string]any{"query": q}, &syms); err != nil {
			return fail(err)
		}
		for _, s := range syms {
			fmt.Fprintf(&b, "%s in %q kind %v %s %s\n", s.Name, s.ContainerName, s.Kind, filepath.Base(string(s.Location.URI)), fmtRange(s.Location.Range))
		}
	case "semtok":
		var toks protocol.SemanticTokens
		if err := c.call("textDocument/semanticTokens/full", doc, &toks); err != nil {
			return fail(err)
		}
		types, mods := semanticTokenTypes(), semanticTokenModifiers()
		var line, char uint32
		for i := 0; i+4 < len(toks.Data); i += 5 {
			d := toks.Data[i : i+5]
			if d[0] > 0 {
				char = 0
			}
			line += d[0]
			char += d[1]
			r := protocol.Range{Start: protocol.Position{Line: line, Character: char}, End: protocol.Position{Line: line, Character: char + d[2]}}
			var ms []string
			for j, mod := range mods {
				if d[4]&(1<<j) != 0 {
					ms = append(ms, string(mod))
				}
			}
			fmt.Fprintf(&b, "%s «%s» %s %v\n", fmtRange(r), textAt(m.text, r), types[d[3]], ms)
		}
	case "inlay":
		var hints []inlayHint
		full := protocol.Range{End: protocol.Position{Line: 1 << 20}}
		if err := c.call("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": m.uri}, "range": full}, &hints); err != nil {
			return fail(err)
		}
		sort.SliceStable(hints, func(i, j int) bool {
			a, b := hints[i].Position, hints[j].Position
			return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
		})
		for _, h := range hints {
			fmt.Fprintf(&b, "%d:%d %q kind %d\n", h.Position.Line, h.Position.Character, h.Label, h.Kind)
		}
	default:
		t.Fatalf("%s: unknown marker kind %q", m.where, m.kind)
	}
	if b.Len() == 0 {
		return "<empty>\n"
	}
	return b.String()
}

func fmtRange(r protocol.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Character, r.End.Line, r.End.Character)
}

func textAt(text string, r protocol.Range) string {
	m := NewMapper([]byte(text))
	s, e := m.RangeSpan(r)
	return text[s:e]
}

func severityName(s protocol.DiagnosticSeverity) string {
	return map[protocol.DiagnosticSeverity]string{1: "error", 2: "warning", 3: "info", 4: "hint"}[s]
}

// applyEdits applies non-overlapping edits to text.
func applyEdits(text string, edits []protocol.TextEdit) string {
	m := NewMapper([]byte(text))
	type e struct {
		s, end int
		t      string
	}
	var es []e
	for _, ed := range edits {
		s, end := m.RangeSpan(ed.Range)
		es = append(es, e{s, end, ed.NewText})
	}
	sort.Slice(es, func(i, j int) bool { return es[i].s > es[j].s })
	for _, ed := range es {
		text = text[:ed.s] + ed.t + text[ed.end:]
	}
	return text
}

// changedLines shows the lines of after that are not in before, marked "+".
func changedLines(before, after string) string {
	old := map[string]int{}
	for _, l := range strings.Split(before, "\n") {
		old[l]++
	}
	var b strings.Builder
	for _, l := range strings.Split(after, "\n") {
		if old[l] > 0 {
			old[l]--
			continue
		}
		fmt.Fprintf(&b, "+ %s\n", l)
	}
	return b.String()
}

func firstLine(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, " | ")
}
