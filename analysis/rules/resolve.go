package rules

import "github.com/buflsp/buflsp/analysis/semantic"

// Types returns the inferred types of the file: buffer kinds, constants,
// identities and generations of buffers, and every call of the buffer APIs
// resolved against the API table (see semantic.Types).
//
// The driver computes the inference once per file and shares it between all
// rules; a pass made without that (in a test, say) computes it itself.
func (p *Pass) Types() *semantic.Types {
	if p.types != nil {
		return p.types()
	}
	return semantic.Infer(p.Model(), p.Target, p.API)
}
