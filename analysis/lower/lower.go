package lower

import (
	"context"
	"fmt"

	"github.com/yuin/gopher-lua/ast"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// Error is a problem that stops the lowering, at a 1-based line and byte
// column of the source. Syntax errors are reported this way, at the place
// `buflsp check` reports them.
type Error struct {
	Line, Col int
	Msg       string
}

// Error returns "line:col: message"; the runtime puts the chunk name in
// front.
func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// ErrorLine returns the line of the error; the runtime reads it through this
// method without importing this package.
func (e *Error) ErrorLine() int { return e.Line }

// Frontend returns the front end for sources of one target, in the shape
// runtime/host expects: chunk name and source in, gopher-lua tree out.
func Frontend(target syntax.Target) func(ctx context.Context, name string, src []byte) ([]ast.Stmt, error) {
	return func(ctx context.Context, name string, src []byte) ([]ast.Stmt, error) {
		return Source(ctx, name, src, target)
	}
}

// Source parses src for target and lowers it. A first line starting with
// '#' is skipped, as the Lua interpreters do.
func Source(ctx context.Context, name string, src []byte, target syntax.Target) ([]ast.Stmt, error) {
	if len(src) > 0 && src[0] == '#' {
		src = blankFirstLine(src)
	}
	f := syntax.Parse(name, src, syntax.Options{Target: target})
	return File(ctx, f)
}

// blankFirstLine returns a copy of src whose first line is a comment of the
// same length, so that every offset and line stays where it was.
func blankFirstLine(src []byte) []byte {
	out := append([]byte(nil), src...)
	end := 0
	for end < len(out) && out[end] != '\n' && out[end] != '\r' {
		end++
	}
	for i := range end {
		out[i] = ' '
	}
	if end >= 2 {
		out[0], out[1] = '-', '-'
	}
	return out
}

// File lowers a parsed file. A file with syntax errors is not lowered: its
// first error is returned.
func File(ctx context.Context, f *syntax.File) ([]ast.Stmt, error) {
	if len(f.Errors) > 0 {
		e := f.Errors[0]
		line, col := f.Lines.Position(e.Start)
		return nil, &Error{Line: line, Col: col, Msg: e.Msg}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	l := &lowerer{ctx: ctx, lines: f.Lines, isLuau: f.Dialect == syntax.DialectLuau}
	body := l.block(f.Chunk)
	if l.err != nil {
		return nil, l.err
	}
	pre, err := l.preamble()
	if err != nil {
		return nil, err
	}
	return append(pre, body...), nil
}

// lowerer is the state of one walk.
type lowerer struct {
	ctx    context.Context
	lines  *syntax.LineTable
	err    *Error
	steps  int
	isLuau bool

	loops   []*loop // enclosing loops of the current function, innermost last
	nloops  int     // loops seen so far, to name continue labels
	varargs int     // "..." expressions lowered so far in the current function
	helpers helperSet
}

// loop is a loop whose body is being lowered: a continue jumps to label.
type loop struct {
	label string
	used  bool
}

// checkEvery is how many nodes are lowered between two looks at the
// context: often enough to stop within a millisecond, rarely enough to cost
// nothing.
const checkEvery = 1 << 12

// step counts a node and records the end of the context as an error.
func (l *lowerer) step(off int) bool {
	if l.err != nil {
		return false
	}
	l.steps++
	if l.steps%checkEvery == 0 && l.ctx.Err() != nil {
		l.fail(off, "lowering stopped: %v", context.Cause(l.ctx))
		return false
	}
	return true
}

// fail records the first problem; the walk then finishes cheaply and its
// result is discarded.
func (l *lowerer) fail(off int, format string, args ...any) {
	if l.err == nil {
		line, col := l.lines.Position(off)
		l.err = &Error{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
}

func (l *lowerer) luau() bool { return l.isLuau }

func (l *lowerer) line(off int) int { return l.lines.Line(off) }

// at sets the line of a node to the line of off and returns the node.
func at[N ast.PositionHolder](l *lowerer, off int, n N) N {
	n.SetLine(l.line(off))
	return n
}

// span sets the first and last lines of a node.
func span[N ast.PositionHolder](l *lowerer, start, end int, n N) N {
	n.SetLine(l.line(start))
	n.SetLastLine(l.line(max(start, end-1)))
	return n
}

// FrontendFor is Frontend for a target name ("luau", "luajit", ...), for
// callers that carry the target as text; an unknown name reads as LuaJIT.
func FrontendFor(target string) func(ctx context.Context, name string, src []byte) ([]ast.Stmt, error) {
	t, err := syntax.ParseTarget(target)
	if err != nil {
		t = syntax.TargetLuaJIT
	}
	return Frontend(t)
}
