package semantic

// This file lets a caller give up a model build or an inference that is no
// longer wanted (the language server's version was replaced by an edit):
// on a large file either takes hundreds of milliseconds and holds tens of
// MiB until it ends. The walks check the caller's context every few
// hundred statements and expressions and unwind with a private panic that
// BuildContext and InferContext turn into the context's error.

import (
	"context"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// stopEvery is how many walk steps pass between two looks at the context:
// a look is a channel poll, and a step of the inference costs far more.
const stopEvery = 256

// stopper polls a context's Done channel while a walk runs. The zero value
// (no channel) never stops.
type stopper struct {
	done  <-chan struct{}
	steps uint32
}

// stopped is the panic value that unwinds a walk given up.
type stopped struct{}

// check unwinds the walk when the context ended.
func (s *stopper) check() {
	if s.done == nil {
		return
	}
	s.steps++
	if s.steps%stopEvery != 0 {
		return
	}
	select {
	case <-s.done:
		panic(stopped{})
	default:
	}
}

// catchStop turns the unwinding of a given-up walk into ctx's error in
// *err; other panics go on.
func catchStop(ctx context.Context, err *error) {
	if v := recover(); v != nil {
		if _, ok := v.(stopped); !ok {
			panic(v)
		}
		*err = ctx.Err()
	}
}

// BuildContext is Build, given up with ctx's error (and a nil model) once
// ctx ends.
func BuildContext(ctx context.Context, f *syntax.File) (m *Model, err error) {
	defer catchStop(ctx, &err)
	m = build(f, stopper{done: ctx.Done()})
	return m, nil
}

// InferContext is InferWith, given up with ctx's error (and nil types)
// once ctx ends.
func InferContext(ctx context.Context, m *Model, target syntax.Target, table *api.Table, facts *Facts) (t *Types, err error) {
	defer catchStop(ctx, &err)
	t = infer(m, target, table, facts, stopper{done: ctx.Done()})
	return t, nil
}
