package proc

import (
	"context"

	"github.com/yuin/gopher-lua/ast"

	"github.com/buflsp/buflsp/runtime/host"
	"github.com/buflsp/buflsp/runtime/sandbox"
)

// Frontends gives the front end for a target name ("luau", "luajit", ...):
// analysis/lower's FrontendFor, which the commands pass in.
type Frontends func(target string) func(ctx context.Context, name string, src []byte) ([]ast.Stmt, error)

// Options is the one mapping from a Spec to sandbox options, used by the
// child and by in-process evaluation alike. fe may be nil, which leaves the
// sandbox on gopher-lua's own parser.
func Options(spec Spec, fe Frontends) sandbox.Options {
	o := sandbox.Options{
		ChunkName: spec.ChunkName,
		Timeout:   spec.Timeout,
		MaxMemory: spec.MaxMemory,
		MaxOutput: spec.MaxOutput,
		Inline:    spec.Inline,
	}
	if fe != nil {
		o.Frontend = fe(spec.Target)
	}
	if spec.Target == "luau" {
		o.Flavor = host.FlavorLuau
	}
	return o
}
