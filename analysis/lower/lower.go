package lower

import (
	"fmt"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// Error is a problem that stops the lowering, with its 1-based line in the
// original source. Syntax errors in the source are reported this way too.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// ErrorLine returns the line of the error; runtime/sandbox reads it through
// this method without importing this package.
func (e *Error) ErrorLine() int { return e.Line }

// Lower parses src as Luau and returns it as Lua 5.1 with the same number of
// lines. The name is used only to parse (it appears in no output).
func Lower(name string, src []byte) ([]byte, error) {
	f := syntax.Parse(name, src, syntax.Options{Target: syntax.TargetLuau})
	return File(f)
}

// File lowers an already parsed file. A file with syntax errors is not
// lowered: the first error is returned.
func File(f *syntax.File) ([]byte, error) {
	if len(f.Errors) > 0 {
		e := f.Errors[0]
		line, _ := f.Lines.Position(e.Start)
		return nil, &Error{Line: line, Msg: e.Msg}
	}
	r := &rewriter{src: f.Src, lines: f.Lines}
	r.block(f.Chunk)
	if r.err != nil {
		return nil, r.err
	}
	return r.result(), nil
}

// fail records the first problem; the walk continues but its output is
// discarded.
func (r *rewriter) fail(off int, format string, args ...any) {
	if r.err == nil {
		line, _ := r.lines.Position(off)
		r.err = &Error{Line: line, Msg: fmt.Sprintf(format, args...)}
	}
}
