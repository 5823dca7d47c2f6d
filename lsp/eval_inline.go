package lsp

// This file implements inline results: a line of evaluated code that ends
// with a "--=" comment shows the value it produced, as an inlay hint after
// the comment ("#buf --= 14").
//
// Capture works by rewriting each marked line before the run, inside that
// line only, so every line keeps its number and errors still point at the
// user's code:
//
//	#buf --=               ->  __buflsp_inline(3, #buf) --=
//	local n = #buf --=     ->  local n = __buflsp_inline(4, #buf) --=
//	x, y = f() --=         ->  x, y = __buflsp_inline(5, f()) --=
//	return b:get(2) --=    ->  return __buflsp_inline(6, b:get(2)) --=
//	print(#buf) --=        ->  __buflsp_inline(7, print(#buf)) --=
//
// __buflsp_inline is sandbox.InlineGlobal, installed for runs with marks
// (sandbox.Options.Inline, which works across the worker process): it records its arguments after the line number and returns them
// unchanged, so the rewritten statement computes what the original did (in
// an expression list only the last expression expands to several values,
// both before and after the rewrite). A line is rewritten only when the code
// before "--=" is, on its own, one complete statement or expression list;
// anything else (a line in the middle of a multi-line call, say) is left as
// it is and shows no value.

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/runtime/sandbox"
)

// inlineGlobal is the name the recorder has inside the sandbox. The leading
// underscores and prefix keep it out of the way of user code.
const inlineGlobal = sandbox.InlineGlobal

// inlineMark is one "--=" comment that was turned into a capture.
type inlineMark struct {
	line      int // 1-based line in the evaluated text
	after     int // byte offset just past the comment's "--=" in the evaluated text
	rewritten bool
}

// findInlineMarks returns every "--=" line comment of src, in order. Comments
// come from the lexer, so "--=" inside a string is not taken for a mark.
func findInlineMarks(f *syntax.File) []inlineMark {
	var marks []inlineMark
	for _, c := range f.Comments {
		if c.Long || !strings.HasPrefix(c.Text, "--=") {
			continue
		}
		marks = append(marks, inlineMark{line: f.Lines.Line(c.Start), after: c.Start + len("--=")})
	}
	return marks
}

// rewriteInline rewrites the "--=" lines of src into captures (see the file
// comment). The result has the same lines as src.
func rewriteInline(src []byte, target syntax.Target) ([]byte, []inlineMark) {
	if !bytes.Contains(src, []byte("--=")) {
		return src, nil // the common case needs no parse
	}
	f := syntax.Parse("eval", src, syntax.Options{Target: target})
	marks := findInlineMarks(f)
	if len(marks) == 0 {
		return src, nil
	}
	var out bytes.Buffer
	out.Grow(len(src) + len(marks)*32)
	done := 0
	for i := range marks {
		m := &marks[i]
		lineStart := f.Lines.LineStart(m.line)
		commentStart := m.after - len("--=")
		if lineStart < done {
			continue // two marks on one line cannot happen; stay safe anyway
		}
		code := src[lineStart:commentStart]
		repl, ok := captureCode(code, m.line, target)
		if !ok {
			continue
		}
		out.Write(src[done:lineStart])
		out.WriteString(repl)
		done = commentStart
		m.rewritten = true
	}
	out.Write(src[done:])
	return out.Bytes(), marks
}

// captureCode returns code rewritten so that its value is recorded for
// line (1-based), or false when code is not a statement or expression list
// that can be captured on its own.
func captureCode(code []byte, line int, target syntax.Target) (string, bool) {
	trimmed := bytes.TrimRight(code, " \t;")
	if len(bytes.TrimSpace(trimmed)) == 0 {
		return "", false
	}
	open := inlineGlobal + "(" + strconv.Itoa(line) + ", "
	// A statement: wrap the values it assigns or returns, or the call it makes.
	f := syntax.Parse("line", trimmed, syntax.Options{Target: target})
	if len(f.Errors) == 0 && len(f.Chunk.Stmts) == 1 {
		var first, last syntax.Node
		switch st := f.Chunk.Stmts[0].(type) {
		case *syntax.Local:
			if len(st.Values) > 0 {
				first, last = st.Values[0], st.Values[len(st.Values)-1]
			}
		case *syntax.Assign:
			first, last = st.Values[0], st.Values[len(st.Values)-1]
		case *syntax.Return:
			if len(st.Values) > 0 {
				first, last = st.Values[0], st.Values[len(st.Values)-1]
			}
		case *syntax.CallStmt:
			first, last = st.Call, st.Call
		}
		if first == nil {
			return "", false
		}
		s, _ := first.Span()
		_, e := last.Span()
		return string(trimmed[:s]) + open + string(trimmed[s:e]) + ")" + string(code[e:]), true
	}
	// An expression list, which is not a statement in Lua: record it as a call.
	wrapped := append([]byte("return "), trimmed...)
	f = syntax.Parse("line", wrapped, syntax.Options{Target: target})
	if len(f.Errors) == 0 && len(f.Chunk.Stmts) == 1 {
		if ret, ok := f.Chunk.Stmts[0].(*syntax.Return); ok && len(ret.Values) > 0 {
			lead := len(trimmed) - len(bytes.TrimLeft(trimmed, " \t"))
			return string(trimmed[:lead]) + open + string(trimmed[lead:]) + ")" + string(code[len(trimmed):]), true
		}
	}
	return "", false
}
