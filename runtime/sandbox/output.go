package sandbox

import (
	"strings"
	"sync"
)

// capturedOutput collects what print and io.write produce, up to a cap. It is
// locked because Evaluate may read it from the caller's goroutine when a run
// is abandoned at its deadline while the Lua goroutine is still writing.
type capturedOutput struct {
	mu        sync.Mutex
	b         strings.Builder
	max       int
	truncated bool
}

// write appends s and reports false when the cap was reached; what fits
// before the cap is kept.
func (o *capturedOutput) write(s string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	room := o.max - o.b.Len()
	if len(s) <= room {
		o.b.WriteString(s)
		return true
	}
	if room > 0 {
		o.b.WriteString(s[:room])
	}
	o.truncated = true
	return false
}

func (o *capturedOutput) snapshot() (string, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.b.String(), o.truncated
}
