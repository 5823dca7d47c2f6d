package proc

import "github.com/buflsp/buflsp/runtime/sandbox"

// Lowerer rewrites Luau source to Lua 5.1 for the sandbox (analysis/lower's
// Lower); chunk names the source in its errors.
type Lowerer func(chunk string, src []byte) ([]byte, error)

// Options is the one mapping from a Spec to sandbox options, used by the
// child and by in-process evaluation alike. lower is called for Target
// "luau" and may be nil when no Luau is expected.
func Options(spec Spec, lower Lowerer) sandbox.Options {
	o := sandbox.Options{
		ChunkName: spec.ChunkName,
		Timeout:   spec.Timeout,
		MaxMemory: spec.MaxMemory,
		MaxOutput: spec.MaxOutput,
		Inline:    spec.Inline,
	}
	if spec.Target == "luau" && lower != nil {
		chunk := spec.ChunkName
		o.Transform = func(src []byte) ([]byte, error) { return lower(chunk, src) }
	}
	return o
}
