package semantic_test

import (
	"context"
	"errors"
	"testing"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

// TestContextGivesUp checks that a model build and an inference whose
// context has ended stop with its error and no result, and that with a
// live context they compute what Build and InferWith compute.
func TestContextGivesUp(t *testing.T) {
	table := api.New()
	for i, src := range gen.Corpus(7, 3, 20000) {
		f := syntax.Parse("m.lua", src, syntax.Options{})
		ended, cancel := context.WithCancel(context.Background())
		cancel()
		if m, err := semantic.BuildContext(ended, f); m != nil || !errors.Is(err, context.Canceled) {
			t.Errorf("file %d: BuildContext with an ended context = %v, %v; want nil, context.Canceled", i, m != nil, err)
		}
		m, err := semantic.BuildContext(context.Background(), f)
		if err != nil || m == nil {
			t.Fatalf("file %d: BuildContext with a live context = %v, %v", i, m != nil, err)
		}
		if want := semantic.Build(f); len(m.Globals) != len(want.Globals) || len(m.Locals) != len(want.Locals) {
			t.Errorf("file %d: BuildContext has %d globals and %d locals, Build %d and %d", i, len(m.Globals), len(m.Locals), len(want.Globals), len(want.Locals))
		}
		if ty, err := semantic.InferContext(ended, m, syntax.TargetLuaJIT, table, nil); ty != nil || !errors.Is(err, context.Canceled) {
			t.Errorf("file %d: InferContext with an ended context = %v, %v; want nil, context.Canceled", i, ty != nil, err)
		}
		got, err := semantic.InferContext(context.Background(), m, syntax.TargetLuaJIT, table, nil)
		if err != nil || got == nil {
			t.Fatalf("file %d: InferContext with a live context = %v, %v", i, got != nil, err)
		}
		want := semantic.InferWith(m, syntax.TargetLuaJIT, table, nil)
		if len(got.Calls()) != len(want.Calls()) || len(got.Members()) != len(want.Members()) || len(want.Members()) == 0 {
			t.Fatalf("file %d: InferContext found %d API calls and %d members, InferWith %d and %d", i, len(got.Calls()), len(got.Members()), len(want.Calls()), len(want.Members()))
		}
		for j, u := range want.Members() {
			if g, w := got.Members()[j].Recv, u.Recv; g.String() != w.String() {
				t.Errorf("file %d: member %d is taken from %s under InferContext, %s under InferWith", i, j, g, w)
			}
		}
	}
}
