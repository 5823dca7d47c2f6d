package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// evalReply is the part of the buflsp.evaluate reply the tests read.
type evalReply struct {
	OK     bool   `json:"ok"`
	Output string `json:"output"`
	Values []struct {
		Type string `json:"type"`
		Text string `json:"text"`
	} `json:"values"`
	Error *struct {
		Kind    string `json:"kind"`
		Limit   string `json:"limit"`
		Message string `json:"message"`
		Line    int    `json:"line"`
	} `json:"error"`
	DurationNs int64          `json:"durationNs"`
	Inline     []inlineResult `json:"inline"`
}

func evalParams(u protocol.DocumentURI, r map[string]any) map[string]any {
	arg := map[string]any{"uri": u}
	if r != nil {
		arg["range"] = r
	}
	return map[string]any{"command": commandEvaluate, "arguments": []any{arg}}
}

func inlayParams(u protocol.DocumentURI) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": u}, "range": rng(0, 0, 1_000_000, 0)}
}

// evalHints returns the "--=" hints of u, keyed by zero-based line.
func evalHints(t *testing.T, c *testClient, u protocol.DocumentURI) map[int]inlayHint {
	t.Helper()
	var hints []inlayHint
	if err := c.call("textDocument/inlayHint", inlayParams(u), &hints); err != nil {
		t.Fatalf("inlayHint: %v", err)
	}
	out := map[int]inlayHint{}
	for _, h := range hints {
		if h.Tooltip == evalHintTooltip {
			if _, dup := out[int(h.Position.Line)]; dup {
				t.Errorf("two evaluation hints on line %d", h.Position.Line+1)
			}
			out[int(h.Position.Line)] = h
		}
	}
	return out
}

func evalDiags(ds []protocol.Diagnostic) []protocol.Diagnostic {
	var out []protocol.Diagnostic
	for _, d := range ds {
		if d.Code == evalDiagnosticCode {
			out = append(out, d)
		}
	}
	return out
}

var (
	headerRe = regexp.MustCompile(`^-- (range|values|output|timeout-ms): (.*)$`)
	errorRe  = regexp.MustCompile(`-- error: (.*)$`)
)

// TestEvaluateFiles runs every testdata/lsp/eval file through the protocol
// (see testdata/lsp/eval/README.md for the markers).
func TestEvaluateFiles(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "lsp", "eval", "*.lua*"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no eval testdata: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) { runEvalFile(t, path) })
	}
}

func runEvalFile(t *testing.T, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	head := map[string]string{}
	wantErr := map[int]string{} // zero-based line -> message part
	for i, l := range lines {
		if m := headerRe.FindStringSubmatch(l); m != nil {
			head[m[1]] = m[2]
		}
		if m := errorRe.FindStringSubmatch(l); m != nil {
			wantErr[i] = m[1]
		}
	}
	timeout := 10_000
	if v, ok := head["timeout-ms"]; ok {
		timeout, _ = strconv.Atoi(v)
	}
	c := newClient(t, clientOptions{
		server:      Options{NoWorkspaceScan: true},
		initOptions: map[string]any{"eval": map[string]any{"timeoutMs": timeout}},
	})
	u := protocol.DocumentURI("file:///work/eval/" + filepath.Base(path))
	c.open(u, string(src))

	// Opening never evaluates.
	if d := evalDiags(c.diagnosticsFor(u, 1)); len(d) != 0 {
		t.Errorf("evaluation diagnostics after opening: %v", d)
	}
	if h := evalHints(t, c, u); len(h) != 0 {
		t.Errorf("evaluation hints after opening: %v", h)
	}

	var r map[string]any
	if v, ok := head["range"]; ok {
		var a, b int
		if _, err := fmt.Sscanf(v, "%d-%d", &a, &b); err != nil {
			t.Fatalf("bad range header %q", v)
		}
		r = rng(a-1, 0, b, 0)
	}
	var reply evalReply
	if err := c.call("workspace/executeCommand", evalParams(u, r), &reply); err != nil {
		t.Fatalf("evaluate: %v", err)
	}
	if v, ok := head["values"]; ok {
		var got []string
		for _, val := range reply.Values {
			got = append(got, val.Text)
		}
		if strings.Join(got, ", ") != v {
			t.Errorf("values = %q, want %q", strings.Join(got, ", "), v)
		}
	}
	if v, ok := head["output"]; ok && !strings.Contains(reply.Output, v) {
		t.Errorf("output = %q, want it to contain %q", reply.Output, v)
	}
	if len(wantErr) == 0 && reply.Error != nil {
		t.Errorf("unexpected error %+v", *reply.Error)
	}
	if len(wantErr) > 0 {
		if reply.Error == nil {
			t.Fatalf("no error in reply %+v", reply)
		}
		if reply.OK {
			t.Errorf("ok = true with an error")
		}
	}

	// Errors: a diagnostic at the document line, and error.line the same
	// line counted from 1 (when the error has a line).
	var diags []protocol.Diagnostic
	c.waitFor("evaluation diagnostics", func() bool {
		ps := c.diags[u]
		diags = evalDiags(ps[len(ps)-1].Diagnostics)
		return len(diags) == len(wantErr)
	})
	for _, d := range diags {
		line := int(d.Range.Start.Line)
		want, ok := wantErr[line]
		if !ok {
			t.Errorf("eval-error on line %d (%q), expected on lines %v", line+1, d.Message, keys(wantErr))
			continue
		}
		if !strings.Contains(d.Message, want) {
			t.Errorf("line %d: message %q does not contain %q", line+1, d.Message, want)
		}
		if reply.Error.Line != 0 && reply.Error.Line != line+1 {
			t.Errorf("error.line = %d, want the document line %d", reply.Error.Line, line+1)
		}
		if d.Severity != protocol.DiagnosticSeverityError {
			t.Errorf("severity %v, want error", d.Severity)
		}
	}

	// Inline values: as hints, and in the reply for clients without hints.
	hints := evalHints(t, c, u)
	inline := map[int]inlineResult{}
	for _, in := range reply.Inline {
		inline[int(in.Position.Line)] = in
	}
	cols := markColumns(src)
	if strings.Contains(string(src), "--=") && len(cols) == 0 {
		t.Fatal("the file has --= marks but none was found")
	}
	for i, l := range lines {
		idx, ok := cols[i]
		if !ok {
			continue
		}
		want := strings.TrimSpace(l[idx+3:])
		h, ok := hints[i]
		switch {
		case want == "" && ok:
			t.Errorf("line %d: unexpected hint %q", i+1, h.Label)
		case want != "" && !ok:
			t.Errorf("line %d: no hint, want %q", i+1, want)
		case ok && h.Label != want:
			t.Errorf("line %d: hint %q, want %q", i+1, h.Label, want)
		case ok && int(h.Position.Character) != idx+3:
			t.Errorf("line %d: hint at column %d, want %d (after --=)", i+1, h.Position.Character, idx+3)
		}
		if ok {
			if in, found := inline[i]; !found || !strings.HasPrefix(want, in.Text) {
				t.Errorf("line %d: reply inline %+v does not match hint %q", i+1, in, want)
			}
		}
	}
	if len(hints) > len(cols) {
		t.Errorf("%d hints for %d marks: %v", len(hints), len(cols), hints)
	}

	// An edit clears both.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": 2},
		"contentChanges": []any{map[string]any{"range": rng(len(lines)+5, 0, len(lines)+5, 0), "text": "\n"}},
	})
	if d := evalDiags(c.diagnosticsFor(u, 2)); len(d) != 0 {
		t.Errorf("evaluation diagnostics survived an edit: %v", d)
	}
	if h := evalHints(t, c, u); len(h) != 0 {
		t.Errorf("evaluation hints survived an edit: %v", h)
	}
}

// markColumns returns the byte column of each "--=" comment of src by
// zero-based line. The whole file is parsed, as the server does, so that a
// line starting with "#" is not read as a shebang line.
func markColumns(src []byte) map[int]int {
	f := syntax.Parse("t", src, syntax.Options{Target: syntax.TargetLuau})
	out := map[int]int{}
	for _, c := range f.Comments {
		if strings.HasPrefix(c.Text, "--=") {
			line := f.Lines.Line(c.Start)
			out[line-1] = c.Start - f.Lines.LineStart(line)
		}
	}
	return out
}

func keys(m map[int]string) []int {
	var out []int
	for k := range m {
		out = append(out, k+1)
	}
	return out
}

// TestEvaluateConcurrentAndCancel: a long evaluation does not hold up other
// requests or edits, and $/cancelRequest stops it.
func TestEvaluateConcurrentAndCancel(t *testing.T) {
	c := newClient(t, clientOptions{
		server:      Options{NoWorkspaceScan: true},
		initOptions: map[string]any{"eval": map[string]any{"timeoutMs": 60_000}},
	})
	u := protocol.DocumentURI("file:///work/eval/spin.lua")
	text := "local b = require(\"string.buffer\").new()\nlocal n = 0\nwhile true do n = n + 1 end\n"
	c.open(u, text)
	c.diagnosticsFor(u, 1)
	id, ch := c.send("workspace/executeCommand", evalParams(u, nil))

	// While it spins: hover, completion and an edit are all answered.
	start := time.Now()
	var hover json.RawMessage
	if err := c.call("textDocument/hover", posParams(u, 0, 7), &hover); err != nil {
		t.Fatalf("hover during evaluation: %v", err)
	}
	if !strings.Contains(string(hover), "buffer") {
		t.Errorf("hover during evaluation = %s, want something about b", hover)
	}
	var completion json.RawMessage
	if err := c.call("textDocument/completion", posParams(u, 1, 6), &completion); err != nil {
		t.Fatalf("completion during evaluation: %v", err)
	}
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": 2},
		"contentChanges": []any{map[string]any{"range": rng(3, 0, 3, 0), "text": "local z = #b\n"}},
	})
	c.diagnosticsFor(u, 2)
	select {
	case msg := <-ch:
		t.Fatalf("evaluation finished while it should spin: %+v", msg)
	default:
	}
	t.Logf("hover, completion and an edit answered in %v during the evaluation", time.Since(start))

	c.notify("$/cancelRequest", map[string]any{"id": json.RawMessage(id)})
	cancelled := time.Now()
	err := c.await("workspace/executeCommand", ch, nil)
	var re *rpcError
	if !errors.As(err, &re) || re.Code != -32800 {
		t.Fatalf("cancelled evaluation: got %v, want error -32800", err)
	}
	if d := time.Since(cancelled); d > 5*time.Second {
		t.Errorf("cancellation took %v", d)
	}
	// The server is still fine and a cancelled run published nothing.
	if d := evalDiags(c.diagnosticsFor(u, 2)); len(d) != 0 {
		t.Errorf("cancelled evaluation left diagnostics: %v", d)
	}
}

func TestEvaluateCodeLenses(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	u := protocol.DocumentURI("file:///work/eval/lens.lua")
	text := strings.Join([]string{
		"local shared = 1",   // 0
		"--- @eval",          // 1
		"local a = 40",       // 2
		"return a + 2",       // 3
		"",                   // 4
		"---@eval second",    // 5
		"return 'two' --=",   // 6
		"-- @eval not three", // 7 (two dashes: an ordinary comment)
		"--- @eval",          // 8 (nothing below it)
		"",                   // 9
	}, "\n")
	c.open(u, text)
	var lenses []protocol.CodeLens
	if err := c.call("textDocument/codeLens", map[string]any{"textDocument": map[string]any{"uri": u}}, &lenses); err != nil {
		t.Fatal(err)
	}
	if len(lenses) != 2 {
		t.Fatalf("got %d lenses, want 2: %+v", len(lenses), lenses)
	}
	wantLines := []uint32{1, 5}
	wantBlocks := [][2]uint32{{2, 3}, {6, 7}}
	wantValues := []string{"42", `"two"`}
	for i, l := range lenses {
		if l.Range.Start.Line != wantLines[i] || l.Command == nil || l.Command.Command != commandEvaluate {
			t.Errorf("lens %d = %+v, want buflsp.evaluate on line %d", i, l, wantLines[i]+1)
			continue
		}
		args, _ := json.Marshal(l.Command.Arguments)
		var decoded []evaluateArgs
		if err := json.Unmarshal(args, &decoded); err != nil || len(decoded) != 1 || decoded[0].Range == nil {
			t.Fatalf("lens %d arguments %s", i, args)
		}
		r := decoded[0].Range
		if r.Start.Line != wantBlocks[i][0] || r.End.Line != wantBlocks[i][1] {
			t.Errorf("lens %d block lines %d-%d, want %d-%d", i, r.Start.Line+1, r.End.Line+1, wantBlocks[i][0]+1, wantBlocks[i][1]+1)
		}
		// Running the lens's command runs that block only.
		var reply evalReply
		if err := c.call("workspace/executeCommand", map[string]any{"command": l.Command.Command, "arguments": l.Command.Arguments}, &reply); err != nil {
			t.Fatal(err)
		}
		if len(reply.Values) != 1 || reply.Values[0].Text != wantValues[i] {
			t.Errorf("lens %d evaluated to %+v, want %s", i, reply.Values, wantValues[i])
		}
	}
	// Both blocks' hints stay: evaluating one range keeps the other's.
	if h := evalHints(t, c, u); h[6].Label != `"two"` {
		t.Errorf("hints after both lenses: %+v", h)
	}
}

func TestEvaluateBadRequests(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	var re *rpcError
	cases := []struct {
		name   string
		params map[string]any
		want   string
	}{
		{"unknown command", map[string]any{"command": "buflsp.nope", "arguments": []any{}}, "unknown command"},
		{"no argument", map[string]any{"command": commandEvaluate}, "found none"},
		{"argument of the wrong shape", map[string]any{"command": commandEvaluate, "arguments": []any{42}}, "expected an argument"},
		{"no uri", map[string]any{"command": commandEvaluate, "arguments": []any{map[string]any{}}}, "no uri"},
		{"unknown document", evalParams("file:///nowhere/x.lua", nil), "unknown document"},
	}
	for _, tc := range cases {
		err := c.call("workspace/executeCommand", tc.params, nil)
		if !errors.As(err, &re) || re.Code != -32602 || !strings.Contains(re.Message, tc.want) {
			t.Errorf("%s: got %v, want InvalidParams containing %q", tc.name, err, tc.want)
		}
	}
	// Positional arguments [uri, range] work too.
	u := protocol.DocumentURI("file:///work/eval/pos.lua")
	c.open(u, "return 1\nreturn 2\n")
	var reply evalReply
	if err := c.call("workspace/executeCommand", map[string]any{"command": commandEvaluate, "arguments": []any{u, rng(1, 0, 2, 0)}}, &reply); err != nil {
		t.Fatal(err)
	}
	if len(reply.Values) != 1 || reply.Values[0].Text != "2" {
		t.Errorf("positional arguments evaluated to %+v, want 2", reply.Values)
	}
}

func TestEvaluateCapabilities(t *testing.T) {
	c := startClient(t, Options{NoWorkspaceScan: true})
	var res struct {
		Capabilities struct {
			ExecuteCommandProvider *struct {
				Commands []string `json:"commands"`
			} `json:"executeCommandProvider"`
			CodeLensProvider json.RawMessage `json:"codeLensProvider"`
		} `json:"capabilities"`
	}
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{}}, &res); err != nil {
		t.Fatal(err)
	}
	if p := res.Capabilities.ExecuteCommandProvider; p == nil || len(p.Commands) != 1 || p.Commands[0] != commandEvaluate {
		t.Errorf("executeCommandProvider = %+v, want [buflsp.evaluate]", p)
	}
	if len(res.Capabilities.CodeLensProvider) == 0 {
		t.Error("codeLensProvider missing")
	}
}

// FuzzRewriteInline: the rewrite never panics and keeps every line where it
// was; without marks it changes nothing.
func FuzzRewriteInline(f *testing.F) {
	for _, s := range []string{
		"#b --=\n", "local x = 1 --= 1\n", "x, y = f() --=", "return 1, 2 --=", "f(a,\n b) --=\n",
		"local s = \"--=\" --=", "--=", "  --=\n--[[ --= ]] a --=", "print(1) --=\r\nb --=", "local t: {number} = {} --=",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src string, luau bool) {
		target := syntax.TargetLuaJIT
		if luau {
			target = syntax.TargetLuau
		}
		out, marks := rewriteInline([]byte(src), target)
		if got, want := syntax.NewLineTable(out).LineCount(), syntax.NewLineTable([]byte(src)).LineCount(); got != want {
			t.Fatalf("rewrite changed the line count from %d to %d:\n%q\n%q", want, got, src, out)
		}
		rewritten := 0
		for _, m := range marks {
			if m.rewritten {
				rewritten++
			}
		}
		if rewritten == 0 && string(out) != src {
			t.Fatalf("nothing rewritten but the text changed: %q -> %q", src, out)
		}
		if strings.Count(string(out), inlineGlobal+"(") != rewritten+strings.Count(src, inlineGlobal+"(") {
			t.Fatalf("%d captures for %d rewritten marks: %q", strings.Count(string(out), inlineGlobal+"("), rewritten, out)
		}
	})
}

// BenchmarkEvaluateCommand measures one buflsp.evaluate round trip over the
// protocol on testdata/lsp/eval/inline.lua (rewrite, sandbox run, hints,
// diagnostics republished), and the rewrite alone.
func BenchmarkEvaluateCommand(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "lsp", "eval", "inline.lua"))
	if err != nil {
		b.Fatal(err)
	}
	b.Run("roundtrip", func(b *testing.B) {
		c := newClient(b, clientOptions{server: Options{NoWorkspaceScan: true}})
		u := protocol.DocumentURI("file:///work/eval/bench.lua")
		c.open(u, string(src))
		for b.Loop() {
			var reply evalReply
			if err := c.call("workspace/executeCommand", evalParams(u, nil), &reply); err != nil || len(reply.Inline) == 0 {
				b.Fatalf("evaluate: %v %+v", err, reply)
			}
		}
	})
	b.Run("rewrite", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		for b.Loop() {
			rewriteInline(src, syntax.TargetLuaJIT)
		}
	})
}
