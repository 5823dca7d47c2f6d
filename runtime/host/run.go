package host

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"
)

// ScriptError is a script that raised an error: Message is the Lua error
// value as text (usually "file:line: message"), Traceback the call stack at
// the point of the error.
type ScriptError struct {
	Message   string
	Traceback string
}

func (e *ScriptError) Error() string { return e.Message }

// Run runs the script at path like `luajit path args...`: the global arg
// holds arg[0] = path and arg[1..] = args (arg[-1] the interpreter name),
// and the main chunk receives args as `...`. A Lua error comes back as a
// *ScriptError; a script that cannot be read or parsed as another error.
func Run(path string, args []string, opts Options) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("cannot read script: %w", err)
	}
	L := NewState(opts)
	defer L.Close()
	argt := L.CreateTable(len(args), 2)
	argt.RawSetInt(-1, lua.LString("buflsp"))
	argt.RawSetInt(0, lua.LString(path))
	for i, a := range args {
		argt.RawSetInt(i+1, lua.LString(a))
	}
	L.SetGlobal("arg", argt)
	name := path
	if opts.ChunkName != "" {
		name = opts.ChunkName
	}
	return RunChunk(L, opts.Frontend, name, src, args)
}

// RunChunk compiles src with the front end fe under the chunk name name and
// runs it in L with the given varargs. A first line starting with '#' is
// skipped, as luajit skips it.
func RunChunk(L *lua.LState, fe Frontend, name string, src []byte, args []string) error {
	if fe == nil {
		src = []byte(stripShebang(string(src)))
	}
	fn, err := Compile(L, fe, src, name)
	if err != nil {
		return &ScriptError{Message: errorText(err)}
	}
	L.Push(L.NewFunction(traceback))
	handler := L.Get(-1)
	L.Pop(1)
	L.Push(fn)
	for _, a := range args {
		L.Push(lua.LString(a))
	}
	if err := L.PCall(len(args), lua.MultRet, handler.(*lua.LFunction)); err != nil {
		var apiErr *lua.ApiError
		if errors.As(err, &apiErr) && apiErr.Type == lua.ApiErrorPanic {
			// gopher-lua turned a Go panic into an error whose text is Go's
			// ("runtime error: ..."): a bug of the runtime, not of the
			// script, and nothing the user can act on in those words.
			return &ScriptError{Message: InternalErrorText}
		}
		if errors.As(err, &apiErr) {
			if t, ok := apiErr.Object.(*lua.LTable); ok {
				msg := lua.LVAsString(t.RawGetInt(1))
				if goPanic.MatchString(msg) {
					// The error handler ran, so gopher-lua reports the panic
					// as an ordinary error: only its text tells.
					msg = InternalErrorText
				}
				return &ScriptError{
					Message:   ljcompat.QuoteArgErrors(msg),
					Traceback: lua.LVAsString(t.RawGetInt(2)),
				}
			}
			return &ScriptError{Message: ljcompat.QuoteArgErrors(apiErr.Object.String()), Traceback: apiErr.StackTrace}
		}
		return &ScriptError{Message: err.Error()}
	}
	return nil
}

// goPanic matches the text of a Go runtime panic that gopher-lua turned
// into an error value: it carries no "file:line:" position, unlike every
// error a script or a library function raises.
var goPanic = regexp.MustCompile(`^(runtime error: |interface conversion: |assignment to entry in nil map|invalid memory address|makeslice: |growslice: )`)

// InternalErrorText is the message for a Go panic inside the runtime.
const InternalErrorText = "internal error in the buflsp runtime (a Go panic); please report it with the script that caused it"

// stripShebang blanks a first line starting with '#', as luajit skips it,
// keeping line numbers intact.
func stripShebang(src string) string {
	if strings.HasPrefix(src, "#") {
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			return "--" + src[i:]
		}
		return ""
	}
	return src
}

// traceback is the error handler: it runs before the stack unwinds and
// returns {message, traceback}.
func traceback(L *lua.LState) int {
	msg := L.Get(1)
	text := ""
	switch v := msg.(type) {
	case lua.LString:
		text = string(v)
	case *lua.LNilType:
		text = "nil"
	default:
		if s, ok := L.GetMetaField(v, "__tostring").(*lua.LFunction); ok {
			L.Push(s)
			L.Push(v)
			L.Call(1, 1)
			text = lua.LVAsString(L.Get(-1))
			L.Pop(1)
		} else {
			text = "(error object is a " + v.Type().String() + " value)"
		}
	}
	var sb strings.Builder
	sb.WriteString("stack traceback:")
	for level := 1; ; level++ {
		dbg, ok := L.GetStack(level)
		if !ok {
			break
		}
		if _, err := L.GetInfo("Sln", dbg, nil); err != nil {
			break
		}
		sb.WriteString("\n\t")
		switch {
		case dbg.What == "G":
			sb.WriteString("[G]: in ")
		default:
			fmt.Fprintf(&sb, "%s:%d: in ", dbg.Source, dbg.CurrentLine)
		}
		switch {
		case dbg.What == "main":
			sb.WriteString("main chunk")
		case dbg.Name != "" && dbg.Name[0] != '(' && dbg.Name[0] != '<':
			fmt.Fprintf(&sb, "function '%s'", dbg.Name)
		default:
			fmt.Fprintf(&sb, "function <%s:%d>", dbg.Source, dbg.LineDefined)
		}
	}
	t := L.NewTable()
	t.RawSetInt(1, lua.LString(text))
	t.RawSetInt(2, lua.LString(sb.String()))
	L.Push(t)
	return 1
}
