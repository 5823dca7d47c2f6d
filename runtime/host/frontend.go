package host

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
)

// Frontend reads source text into gopher-lua's syntax tree. buflsp's front
// end is analysis/lower, which parses with the analyzer's own parser; the
// commands pass it in (this package may not import the analyzer). name is
// the chunk name used in messages. An error should say where the problem is
// as "line:col: message" and may report its line through an ErrorLine() int
// method.
type Frontend func(ctx context.Context, name string, src []byte) ([]ast.Stmt, error)

// SyntaxError is source that does not compile: Chunk is the chunk name, Line
// the line of the problem (0 when unknown), Message the text after the
// position, Pos the position as printed ("3:5" or "3").
type SyntaxError struct {
	Chunk   string
	Line    int
	Pos     string
	Message string
}

func (e *SyntaxError) Error() string {
	if e.Pos == "" {
		return e.Chunk + ": " + e.Message
	}
	return e.Chunk + ":" + e.Pos + ": " + e.Message
}

// ErrorLine returns the line of the error.
func (e *SyntaxError) ErrorLine() int { return e.Line }

// Compile turns src into a function of L under the chunk name name (as it
// appears in messages: "script.lua", `[string "..."]`). With a nil front
// end it falls back to gopher-lua's parser, which only Go embedders that
// build states without buflsp's front end still use. A syntax error is
// returned as a *lua.ApiError of type ApiErrorSyntax whose Cause is a
// *SyntaxError.
func Compile(L *lua.LState, fe Frontend, src []byte, name string) (*lua.LFunction, error) {
	if fe == nil {
		return L.Load(bytes.NewReader(src), name)
	}
	ctx := L.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	chunk, err := fe(ctx, name, src)
	if err != nil {
		return nil, syntaxError(frontendError(name, err))
	}
	proto, err := compileTree(chunk, name)
	if err != nil {
		se := &SyntaxError{Chunk: name, Message: err.Error()}
		var ce *lua.CompileError
		if errors.As(err, &ce) {
			se.Line, se.Pos, se.Message = ce.Line, fmt.Sprint(ce.Line), ce.Message
		}
		return nil, syntaxError(se)
	}
	return L.NewFunctionFromProto(proto), nil
}

// compileTree is lua.Compile with any panic of the compiler (other than its
// own CompileError, which it returns) turned into an error, so that no Go
// trace reaches a user.
func compileTree(chunk []ast.Stmt, name string) (proto *lua.FunctionProto, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error of the compiler: %v", p)
		}
	}()
	return lua.Compile(chunk, name)
}

// frontendError splits the front end's "line:col: message".
func frontendError(name string, err error) *SyntaxError {
	se := &SyntaxError{Chunk: name, Message: err.Error()}
	var withLine interface{ ErrorLine() int }
	if errors.As(err, &withLine) {
		se.Line = withLine.ErrorLine()
		if pos, msg, ok := strings.Cut(se.Message, ": "); ok && strings.HasPrefix(pos, fmt.Sprint(se.Line)) {
			se.Pos, se.Message = pos, msg
		}
	}
	return se
}

func syntaxError(se *SyntaxError) *lua.ApiError {
	return &lua.ApiError{Type: lua.ApiErrorSyntax, Object: lua.LString(se.Error()), Cause: se}
}

// ChunkLabel turns a chunk name given to load into the name Lua shows: a
// name starting with '=' or '@' is used without it, anything else is source
// text shown as [string "first line..."].
func ChunkLabel(name string) string {
	if strings.HasPrefix(name, "=") || strings.HasPrefix(name, "@") {
		return name[1:]
	}
	line, _, cut := strings.Cut(name, "\n")
	if len(line) > 40 {
		line, cut = line[:40], true
	}
	if cut {
		line += "..."
	}
	return `[string "` + line + `"]`
}

// installFrontend replaces the base functions that compile source (load,
// loadstring, loadfile, dofile) and the file searcher of require with ones
// that go through fe, so that code loaded at run time reads the same
// language as the script.
func installFrontend(L *lua.LState, fe Frontend, libs Libs) {
	if fe == nil {
		return
	}
	c := compiler{fe: fe}
	if libs&LibBase != 0 {
		L.SetGlobal("load", L.NewFunction(c.load))
		L.SetGlobal("loadstring", L.NewFunction(c.loadstring))
		if libs&LibIO != 0 {
			L.SetGlobal("loadfile", L.NewFunction(c.loadfile))
			L.SetGlobal("dofile", L.NewFunction(c.dofile))
		}
	}
	if libs&LibPackage != 0 && libs&LibIO != 0 {
		if loaders, ok := L.GetField(L.GetGlobal("package"), "loaders").(*lua.LTable); ok {
			loaders.RawSetInt(2, L.NewFunction(c.searchFile))
		}
	}
}

// compiler holds the front end for the replaced base functions.
type compiler struct{ fe Frontend }

// push compiles src and pushes the function, or nil and the message, as
// load does.
func (c compiler) push(L *lua.LState, src []byte, label string, env lua.LValue) int {
	if bytes.HasPrefix(src, []byte("\x1b")) {
		L.Push(lua.LNil)
		L.Push(lua.LString("attempt to load a binary chunk: buflsp only loads Lua source text"))
		return 2
	}
	fn, err := Compile(L, c.fe, src, label)
	if err != nil {
		L.Push(lua.LNil)
		L.Push(lua.LString(errorText(err)))
		return 2
	}
	if t, ok := env.(*lua.LTable); ok {
		fn.Env = t
	}
	L.Push(fn)
	return 1
}

// errorText is the message of a compile error as Lua shows it.
func errorText(err error) string {
	var se *SyntaxError
	if errors.As(err, &se) {
		return se.Error()
	}
	return err.Error()
}

// load is load(chunk [, chunkname [, mode [, env]]]) with a string or a
// reader function.
func (c compiler) load(L *lua.LState) int {
	var src []byte
	name := "=(load)"
	switch chunk := L.Get(1).(type) {
	case lua.LString:
		src = []byte(chunk)
		name = string(chunk)
	case *lua.LFunction:
		s, ok := ReadPieces(L, chunk, nil)
		if !ok {
			L.Push(lua.LNil)
			L.Push(lua.LString(ReaderError))
			return 2
		}
		src = []byte(s)
	default:
		L.ArgError(1, "string expected, got "+L.Get(1).Type().String())
	}
	name = L.OptString(2, name)
	if mode := L.OptString(3, "bt"); !strings.Contains(mode, "t") {
		L.Push(lua.LNil)
		L.Push(lua.LString("attempt to load a text chunk (mode is '" + mode + "')"))
		return 2
	}
	return c.push(L, src, ChunkLabel(name), L.Get(4))
}

// ReaderError is what load returns, after nil, when its reader function
// returns something that is neither a string nor a number.
const ReaderError = "reader function must return a string"

// ReadPieces calls load's reader function until it returns nil, nothing or
// an empty string, and joins the pieces; a number counts as its text. grown,
// when not nil, sees the length so far after each piece (the sandbox
// charges it to its memory limit, and may raise). ok is false when a piece
// is of another type.
func ReadPieces(L *lua.LState, reader *lua.LFunction, grown func(n int)) (src string, ok bool) {
	var b strings.Builder
	for {
		L.Push(reader)
		L.Call(0, 1)
		piece := L.Get(-1)
		L.Pop(1)
		if piece == lua.LNil {
			return b.String(), true
		}
		if !lua.LVCanConvToString(piece) {
			return "", false
		}
		s := lua.LVAsString(piece)
		if s == "" {
			return b.String(), true
		}
		b.WriteString(s)
		if grown != nil {
			grown(b.Len())
		}
	}
}

// loadstring is Lua 5.1's loadstring(s [, chunkname]).
func (c compiler) loadstring(L *lua.LState) int {
	src := L.CheckString(1)
	return c.push(L, []byte(src), ChunkLabel(L.OptString(2, src)), lua.LNil)
}

// loadfile is loadfile([path]); without a path it reads standard input.
func (c compiler) loadfile(L *lua.LState) int {
	src, label, err := readChunk(L.OptString(1, ""))
	if err != nil {
		L.Push(lua.LNil)
		L.Push(lua.LString(err.Error()))
		return 2
	}
	return c.push(L, src, label, lua.LNil)
}

// dofile runs a file and returns its results; errors propagate.
func (c compiler) dofile(L *lua.LState) int {
	src, label, err := readChunk(L.OptString(1, ""))
	if err != nil {
		L.RaiseError("%s", err.Error())
	}
	fn, err := Compile(L, c.fe, src, label)
	if err != nil {
		L.RaiseError("%s", errorText(err))
	}
	top := L.GetTop()
	L.Push(fn)
	L.Call(0, lua.MultRet)
	return L.GetTop() - top
}

// readChunk reads a script file (standard input for ""), skipping nothing:
// the front end skips a first line starting with '#'.
func readChunk(path string) ([]byte, string, error) {
	if path == "" {
		src, err := readAll(os.Stdin)
		return src, "stdin", err
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, path, fmt.Errorf("cannot open %s", path)
	}
	return src, path, nil
}

func readAll(f *os.File) ([]byte, error) {
	var b bytes.Buffer
	_, err := b.ReadFrom(f)
	return b.Bytes(), err
}

// searchFile is require's file searcher: it looks the module up along
// package.path and compiles the file it finds; otherwise it returns the
// list of places it tried.
func (c compiler) searchFile(L *lua.LState) int {
	name := L.CheckString(1)
	path, ok := L.GetField(L.GetGlobal("package"), "path").(lua.LString)
	if !ok {
		L.RaiseError("package.path must be a string")
	}
	file := strings.ReplaceAll(name, ".", string(os.PathSeparator))
	var tried strings.Builder
	for _, pattern := range strings.Split(string(path), ";") {
		candidate := strings.ReplaceAll(pattern, "?", file)
		src, err := os.ReadFile(candidate)
		if err != nil {
			tried.WriteString("\n\tno file '" + candidate + "'")
			continue
		}
		fn, err := Compile(L, c.fe, src, candidate)
		if err != nil {
			L.RaiseError("error loading module '%s' from file '%s':\n\t%s", name, candidate, errorText(err))
		}
		L.Push(fn)
		return 1
	}
	L.Push(lua.LString(tried.String()))
	return 1
}
