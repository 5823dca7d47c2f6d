package sandbox

import (
	"context"
	"errors"
	"fmt"
)

// limitError is the cancellation cause recorded when a limit is exceeded. It
// is kept in the run's context rather than only in the Lua error, because a
// snippet can catch Lua errors with pcall: the cancelled context makes every
// later instruction fail too, and the cause tells Evaluate which limit it was.
type limitError struct {
	limit Limit
	msg   string
}

func (e *limitError) Error() string { return e.msg }

// errCanceled is the cause used when the caller's own context ends the run.
var errCanceled = errors.New("the evaluation was canceled by its caller")

// exceed records that a limit was hit and stops the run. The first limit
// recorded wins; later calls keep it. It does not raise the Lua error itself
// so that it can also be called from the watchdog goroutine.
func (r *run) exceed(limit Limit, format string, args ...any) *limitError {
	le := &limitError{limit: limit, msg: fmt.Sprintf(format, args...)}
	r.cancel(le)
	return le
}

// raiseLimit stops the run from inside a Go function called by Lua: the limit
// is recorded and a Lua error with the same message is raised at once.
func (r *run) raiseLimit(limit Limit, format string, args ...any) {
	le := r.exceed(limit, format, args...)
	if cause, ok := context.Cause(r.ctx).(*limitError); ok {
		le = cause
	}
	r.L.RaiseError("%s limit exceeded: %s", le.limit, le.msg)
}

// stopCause returns the limit that stopped the run, or nil.
func (r *run) stopCause() *limitError {
	var le *limitError
	if errors.As(context.Cause(r.ctx), &le) {
		return le
	}
	return nil
}
