package sandbox

import "time"

// Limit names one of the bounds an evaluation runs under. The names appear in
// messages and in `buflsp eval --json` output, so they are part of the
// contract.
type Limit string

const (
	LimitTimeout   Limit = "timeout"
	LimitMemory    Limit = "memory"
	LimitOutput    Limit = "output"
	LimitCallStack Limit = "call-stack"
	LimitRegistry  Limit = "registry"
)

// ErrorKind tells what stopped an evaluation.
type ErrorKind string

const (
	// KindSyntax: the source (or its transform) did not compile.
	KindSyntax ErrorKind = "syntax"
	// KindRuntime: the code raised an error that nothing caught.
	KindRuntime ErrorKind = "runtime"
	// KindLimit: the run exceeded one of its limits (see Error.Limit).
	KindLimit ErrorKind = "limit"
	// KindCanceled: the caller's context ended the run.
	KindCanceled ErrorKind = "canceled"
	// KindInternal: a Go panic inside the runtime, recovered.
	KindInternal ErrorKind = "internal"
)

// Result is everything an evaluation produced. Output and Values are filled
// as far as the run got, also when Err is set.
type Result struct {
	// Output is what print and io.write wrote, at most Options.MaxOutput bytes.
	Output string `json:"output"`
	// OutputTruncated reports that output was cut at the cap.
	OutputTruncated bool `json:"outputTruncated,omitempty"`
	// Values are the values returned by the chunk, rendered.
	Values []Value `json:"values"`
	// Err is nil when the chunk ran to completion.
	Err *Error `json:"error,omitempty"`
	// Inline holds the values recorded through InlineGlobal when
	// Options.Inline is set, by line. It is not part of `eval --json`.
	Inline []InlineValue `json:"-"`
	// Duration is the wall-clock time of the run.
	Duration time.Duration `json:"durationNs"`
}

// OK reports whether the evaluation completed without error.
func (r *Result) OK() bool { return r.Err == nil }

// Value is one returned value, rendered for people.
type Value struct {
	// Type is the Lua type name, or the buffer kind for buffers
	// ("string.buffer", "buffer").
	Type string `json:"type"`
	// Text is the rendering: literals for scalars, a constructor-like
	// listing for tables, length and preview for buffers.
	Text string `json:"text"`
	// Length is the byte length of strings and buffers, else omitted.
	Length *int `json:"length,omitempty"`
}

// Error describes why an evaluation stopped.
type Error struct {
	Kind ErrorKind `json:"kind"`
	// Limit is set when Kind is KindLimit.
	Limit Limit `json:"limit,omitempty"`
	// Message is the error text without the "chunk:line:" prefix.
	Message string `json:"message"`
	// Line is the 1-based line in the evaluated source, or 0 when unknown.
	Line int `json:"line,omitempty"`
	// Traceback is the Lua stack at the point of the error, when known.
	Traceback string `json:"traceback,omitempty"`
}

// Error renders the error the way the command line prints it.
func (e *Error) Error() string {
	prefix := string(e.Kind) + " error"
	if e.Kind == KindLimit {
		prefix = string(e.Limit) + " limit exceeded"
	}
	if e.Line > 0 {
		return prefix + " at line " + itoa(e.Line) + ": " + e.Message
	}
	return prefix + ": " + e.Message
}
