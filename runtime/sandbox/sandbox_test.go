package sandbox

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	lua "github.com/yuin/gopher-lua"
	"github.com/yuin/gopher-lua/ast"
	"github.com/yuin/gopher-lua/parse"
)

// panicky is a module whose function panics in Go, standing in for a bug in
// a runtime library.
func panicky(L *lua.LState) int {
	L.Push(L.SetFuncs(L.NewTable(), map[string]lua.LGFunction{
		"boom": func(*lua.LState) int {
			var m map[string]int
			//lint:ignore SA5000 the panic is the point of this module
			m["x"] = 1 // assignment to a nil map: a Go runtime panic
			return 0
		},
	}))
	return 1
}

func TestGoPanicIsRecovered(t *testing.T) {
	opts := Options{Libraries: append(DefaultLibraries(), Library{Name: "panicky", Global: "panicky", Loader: panicky})}
	res := Evaluate(context.Background(), []byte("print('before')\npanicky.boom()"), opts)
	if res.Err == nil || res.Err.Kind != KindInternal {
		t.Fatalf("want an internal error, got %+v", res.Err)
	}
	if !strings.Contains(res.Err.Message, "nil map") {
		t.Errorf("message should carry the panic value, got %q", res.Err.Message)
	}
	if res.Output != "before\n" {
		t.Errorf("output before the panic is kept, got %q", res.Output)
	}
}

func TestLoaderPanicIsRecovered(t *testing.T) {
	opts := Options{Libraries: []Library{{Name: "bad", Global: "bad", Loader: func(*lua.LState) int { panic("loader broke") }}}}
	res := Evaluate(context.Background(), []byte("return 1"), opts)
	if res.Err == nil || res.Err.Kind != KindInternal || !strings.Contains(res.Err.Message, "loader broke") {
		t.Fatalf("want an internal error naming the panic, got %+v", res.Err)
	}
}

func TestFrontendPanicIsRecovered(t *testing.T) {
	opts := Options{Frontend: func(context.Context, string, []byte) ([]ast.Stmt, error) { panic("front end broke") }}
	res := Evaluate(context.Background(), []byte("return 1"), opts)
	if res.Err == nil || res.Err.Kind != KindInternal || !strings.Contains(res.Err.Message, "front end broke") {
		t.Fatalf("want an internal error naming the panic, got %+v", res.Err)
	}
}

// lineError is a front-end error that knows its line, like the lowering's.
type lineError struct{ line int }

func (e lineError) Error() string  { return "7:3: bad luau" }
func (e lineError) ErrorLine() int { return e.line }

func TestFrontendErrorLine(t *testing.T) {
	opts := Options{Frontend: func(context.Context, string, []byte) ([]ast.Stmt, error) { return nil, lineError{7} }}
	res := Evaluate(context.Background(), []byte("x"), opts)
	if res.Err == nil || res.Err.Kind != KindSyntax || res.Err.Line != 7 || res.Err.Message != "bad luau" {
		t.Fatalf("got %+v", res.Err)
	}
}

// TestFrontendIsUsed gives the sandbox a front end that reads "+=" (through
// gopher-lua's parser after a rewrite): the snippet and what it loads go
// through it.
func TestFrontendIsUsed(t *testing.T) {
	fe := func(_ context.Context, name string, src []byte) ([]ast.Stmt, error) {
		return parse.Parse(strings.NewReader(strings.ReplaceAll(string(src), "+=", "= x +")), name)
	}
	res := Evaluate(context.Background(), []byte("local x = 1\nx += 2\nreturn x, loadstring('x = 5 x += 1 return x')()"), Options{Frontend: fe})
	if res.Err != nil || len(res.Values) != 2 || res.Values[0].Text != "3" || res.Values[1].Text != "6" {
		t.Fatalf("got %+v / %+v", res.Values, res.Err)
	}
}

func TestParentCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(50 * time.Millisecond)
		cancel()
	}()
	res := Evaluate(ctx, []byte("while true do end"), Options{Timeout: time.Minute})
	if res.Err == nil || res.Err.Kind != KindCanceled {
		t.Fatalf("want canceled, got %+v", res.Err)
	}
	if res.Duration > 10*time.Second {
		t.Errorf("cancellation took %v", res.Duration)
	}
}

func TestParallelEvaluationsAreIsolated(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			// Each state starts clean: a global set by one run is not seen
			// by another.
			res := Evaluate(context.Background(), []byte("local seen = shared\nshared = ...\nreturn seen, #tostring(1)"), Options{})
			if res.Err != nil || res.Values[0].Text != "nil" {
				errs <- errors.New("run saw another run's global: " + res.Values[0].Text)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestErrorStrings(t *testing.T) {
	for _, tc := range []struct {
		give *Error
		want string
	}{
		{&Error{Kind: KindRuntime, Message: "boom", Line: 3}, "runtime error at line 3: boom"},
		{&Error{Kind: KindLimit, Limit: LimitTimeout, Message: "too slow"}, "timeout limit exceeded: too slow"},
		{&Error{Kind: KindSyntax, Message: "near 'x'", Line: 1}, "syntax error at line 1: near 'x'"},
	} {
		if got := tc.give.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestChunkNameInMessages(t *testing.T) {
	res := Evaluate(context.Background(), []byte("\n\nerror('x')"), Options{ChunkName: "snippet.lua"})
	if res.Err == nil || res.Err.Line != 3 || res.Err.Message != "x" {
		t.Fatalf("got %+v", res.Err)
	}
	if !strings.Contains(res.Err.Traceback, "snippet.lua:3") {
		t.Errorf("traceback should name the chunk: %q", res.Err.Traceback)
	}
}

// TestBufferGrowthCheck checks the per-buffer cap on its own: with the heap
// watchdog off, only the check after each string.buffer method can stop a
// buffer that doubles itself.
func TestBufferGrowthCheck(t *testing.T) {
	src := `local b = require("string.buffer").new():put("0123456789abcdef")
for i = 1, 40 do
  b:put(b:tostring())
end`
	res := Evaluate(context.Background(), []byte(src), Options{MaxMemory: 1 << 20, noHeapWatch: true})
	if res.Err == nil || res.Err.Limit != LimitMemory || res.Err.Line != 3 ||
		!strings.HasPrefix(res.Err.Message, "a string.buffer grew to") {
		t.Fatalf("want the buffer growth check at line 3, got %+v", res.Err)
	}
}

// TestHeapWatchdog checks the watchdog on its own: string concatenation has
// no explicit check, so only the watchdog can stop it.
func TestHeapWatchdog(t *testing.T) {
	res := Evaluate(context.Background(), []byte("local s = 'x'\nwhile true do s = s .. s end"), Options{MaxMemory: 8 << 20})
	if res.Err == nil || res.Err.Limit != LimitMemory || !strings.Contains(res.Err.Message, "heap grew") {
		t.Fatalf("want the heap watchdog, got %+v", res.Err)
	}
}
