package sandbox

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/ljcompat"

	"github.com/buflsp/buflsp/runtime/host"
)

// abandonGrace is how long Evaluate waits, once the deadline has passed, for
// the Lua goroutine to notice it. The VM checks the context before every
// instruction, so only a long call into Go (a huge sort, say) can outlast it;
// such a run is reported as timed out and left to finish on its own.
const abandonGrace = 500 * time.Millisecond

// run is the state of one evaluation. It lives only for that evaluation, so
// nothing is shared between runs.
type run struct {
	opts    Options
	L       *lua.LState
	ctx     context.Context
	cancel  context.CancelCauseFunc
	out     *capturedOutput
	loaded  *lua.LTable
	preload *lua.LTable
	lines   int // lines in the compiled source, for errors "at EOF"

	inline *inlineRecorder // nil unless Options.Inline

	bufferWrapped bool
}

// Evaluate compiles and runs src in a fresh sandboxed state and reports what
// happened. It never panics and returns once the run has ended, at the latest
// shortly after opts.Timeout or the end of ctx.
func Evaluate(ctx context.Context, src []byte, opts Options) *Result {
	start := time.Now()
	o := opts.withDefaults()
	res := &Result{Values: []Value{}}
	defer func() { res.Duration = time.Since(start) }()

	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stopTimer := context.WithTimeoutCause(ctx, o.Timeout,
		&limitError{limit: LimitTimeout, msg: fmt.Sprintf("the evaluation ran longer than %v", o.Timeout)})
	defer stopTimer()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	r := &run{opts: o, ctx: ctx, cancel: cancel, out: &capturedOutput{max: o.MaxOutput}}
	if o.Inline {
		r.inline = &inlineRecorder{values: map[int]*InlineValue{}}
		r.opts.Libraries = append(r.opts.Libraries[:len(r.opts.Libraries):len(r.opts.Libraries)], r.inline.library())
	}
	defer func() { res.Inline = r.inline.snapshot() }()
	done := make(chan struct{})
	inner := &Result{Values: []Value{}}
	if !o.noHeapWatch {
		// The watch ends with the run's context or when Evaluate returns.
		watch, stopWatch := context.WithCancel(ctx)
		defer stopWatch()
		go r.watchHeap(watch.Done())
	}
	go func() {
		defer close(done)
		r.execute(src, inner)
	}()

	select {
	case <-done:
	case <-ctx.Done():
		select {
		case <-done:
		case <-time.After(abandonGrace):
			res.Output, res.OutputTruncated = r.out.snapshot()
			res.Err = r.limitOrCancel()
			res.Err.Message += " (the run was abandoned inside a Go function that did not return in time)"
			return res
		}
	}
	res.Values = inner.Values
	res.Err = inner.Err
	res.Output, res.OutputTruncated = r.out.snapshot()
	return res
}

// execute runs on its own goroutine: it builds the state, compiles and calls
// the chunk, and fills res. A Go panic anywhere in it becomes KindInternal.
func (r *run) execute(src []byte, res *Result) {
	defer func() {
		if p := recover(); p != nil {
			res.Err = &Error{Kind: KindInternal, Message: fmt.Sprintf("Go panic inside the evaluation: %v", p)}
			if le := r.stopCause(); le != nil {
				res.Err = &Error{Kind: KindLimit, Limit: le.limit, Message: le.msg}
			}
		}
	}()
	r.newState()
	defer r.L.Close()
	L := r.L

	r.lines = 1 + strings.Count(strings.TrimRight(string(src), "\n"), "\n")
	// The front end checks the deadline while it lowers a large source.
	L.SetContext(r.ctx)
	fn, err := host.Compile(L, r.opts.Frontend, src, r.opts.ChunkName)
	if err != nil {
		res.Err = r.classify(err)
		return
	}
	L.SetContext(r.ctx)
	L.Push(fn)
	base := L.GetTop() - 1
	if err := L.PCall(0, lua.MultRet, nil); err != nil {
		res.Err = r.classify(err)
		return
	}
	L.RemoveContext()
	for i := base + 1; i <= L.GetTop(); i++ {
		res.Values = append(res.Values, renderValue(L.Get(i)))
	}
	// A limit hit inside a pcall that the snippet swallowed still counts.
	if le := r.stopCause(); le != nil {
		res.Err = &Error{Kind: KindLimit, Limit: le.limit, Message: le.msg}
	}
}

// limitOrCancel describes why the context of the run ended.
func (r *run) limitOrCancel() *Error {
	if le := r.stopCause(); le != nil {
		return &Error{Kind: KindLimit, Limit: le.limit, Message: le.msg}
	}
	return &Error{Kind: KindCanceled, Message: errCanceled.Error()}
}

// classify turns an error from compiling or running the chunk into an Error.
func (r *run) classify(err error) *Error {
	var api *lua.ApiError
	if !errors.As(err, &api) {
		return &Error{Kind: KindInternal, Message: err.Error()}
	}
	if r.ctx.Err() != nil {
		// The line where the run was stopped is still worth showing.
		e := r.limitOrCancel()
		if s, ok := api.Object.(lua.LString); ok {
			e.Line, _ = splitPosition(r.opts.ChunkName, string(s))
		}
		return e
	}
	msg := api.Error()
	switch obj := api.Object.(type) {
	case nil:
	case lua.LString, lua.LNumber:
		msg = lua.LVAsString(obj)
	default:
		// error() was given a value that is not a message; show it rendered
		// instead of an address that changes from run to run.
		msg = "error object is a " + obj.Type().String() + " value: " + renderValue(obj).Text
	}
	e := &Error{Message: msg, Traceback: strings.TrimSpace(api.StackTrace)}
	switch api.Type {
	case lua.ApiErrorSyntax:
		e.Kind = KindSyntax
		var se *host.SyntaxError
		if errors.As(api.Cause, &se) {
			e.Line, e.Message = se.Line, se.Message
			return e
		}
		e.Line, e.Message = r.syntaxMessage(api.Error())
		return e
	case lua.ApiErrorPanic:
		e.Kind = KindInternal
		e.Message = "Go panic inside the evaluation: " + msg
	default:
		e.Kind = KindRuntime
	}
	e.Line, e.Message = splitPosition(r.opts.ChunkName, ljcompat.QuoteArgErrors(e.Message))
	switch {
	case e.Kind != KindRuntime:
	case strings.HasSuffix(e.Message, "stack overflow"):
		e.Kind, e.Limit = KindLimit, LimitCallStack
		e.Message = fmt.Sprintf("more than %d nested calls (stack overflow)", r.opts.CallStackSize)
	case strings.HasSuffix(e.Message, "registry overflow"):
		e.Kind, e.Limit = KindLimit, LimitRegistry
		e.Message = fmt.Sprintf("more than %d values on the Lua stack (registry overflow)", r.opts.RegistryMaxSize)
	}
	if e.Line == 0 {
		e.Line = errorLine(err)
	}
	return e
}

// syntaxPosition matches gopher-lua's compile errors: "name line:3(column:5) near ...".
var syntaxPosition = regexp.MustCompile(`line:(\d+)\(column:\d+\)`)

// splitPosition removes a leading "chunk:line:" from a runtime message and
// returns the line; for syntax messages it finds gopher-lua's "line:N".
func splitPosition(chunk, msg string) (int, string) {
	if rest, ok := strings.CutPrefix(msg, chunk+":"); ok {
		if num, tail, ok := strings.Cut(rest, ":"); ok {
			if n, err := strconv.Atoi(num); err == nil {
				return n, strings.TrimSpace(tail)
			}
		}
	}
	return 0, msg
}

// syntaxMessage turns gopher-lua's compile errors, "name line:3(column:5)
// near 'x':   parse error" or "name at EOF:   parse error", into a line and
// a message that reads "near 'x': syntax error" / "at end of input: ...".
func (r *run) syntaxMessage(msg string) (int, string) {
	return parseSyntaxError(r.opts.ChunkName, msg, r.lines)
}

// parseSyntaxError is syntaxMessage for any chunk name; lines is the line
// count used for errors at the end of input.
func parseSyntaxError(chunk, msg string, lines int) (int, string) {
	msg = strings.Join(strings.Fields(msg), " ")
	msg = strings.TrimPrefix(msg, chunk+" ")
	if m := syntaxPosition.FindStringSubmatchIndex(msg); m != nil {
		n, _ := strconv.Atoi(msg[m[2]:m[3]])
		return n, strings.TrimSpace(msg[m[1]:])
	}
	if rest, ok := strings.CutPrefix(msg, "at EOF:"); ok {
		return lines, "at end of input: " + strings.TrimSpace(rest)
	}
	return 0, msg
}

// errorLine asks an error for its line: errors from transforms may carry one
// through an ErrorLine() int method (the analyzer's lowering does).
func errorLine(err error) int {
	var withLine interface{ ErrorLine() int }
	if errors.As(err, &withLine) {
		return withLine.ErrorLine()
	}
	return 0
}

func itoa(n int) string { return strconv.Itoa(n) }
