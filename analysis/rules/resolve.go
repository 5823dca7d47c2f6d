package rules

import "github.com/buflsp/buflsp/analysis/semantic"

// Types returns the inferred types of the file: buffer kinds, constants,
// identities and generations of buffers, and every call of the buffer APIs
// resolved against the API table (see semantic.Types).
//
// The inference is computed on each call: the Pass is made per rule and the
// driver has no slot to share it yet, so rules call Types once per Run and
// keep the result. A file that never mentions "buffer" costs nothing.
func (p *Pass) Types() *semantic.Types {
	return semantic.Infer(p.Model(), p.Target, p.API)
}
