package rules

import "fmt"

// Severity follows the LSP numbering so that the server can pass it through.
// The zero value means "off": a rule configured off reports nothing.
type Severity int

const (
	SeverityOff Severity = iota
	SeverityError
	SeverityWarning
	SeverityInfo
	SeverityHint
)

// String returns the configuration spelling: off, error, warning, info, hint.
func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	case SeverityInfo:
		return "info"
	case SeverityHint:
		return "hint"
	}
	return "off"
}

// ParseSeverity reads a severity as written in .buflsp.toml and on the
// command line.
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "off":
		return SeverityOff, nil
	case "error":
		return SeverityError, nil
	case "warning":
		return SeverityWarning, nil
	case "info":
		return SeverityInfo, nil
	case "hint":
		return SeverityHint, nil
	}
	return SeverityOff, fmt.Errorf("unknown severity %q (expected off, hint, info, warning or error)", s)
}

// AtLeast reports whether s is as severe as min or more (error is the most
// severe). Off is never at least anything.
func (s Severity) AtLeast(min Severity) bool {
	return s != SeverityOff && min != SeverityOff && s <= min
}

// Tag marks a diagnostic for special rendering in editors.
type Tag int

const (
	TagUnnecessary Tag = iota + 1 // code that can be removed (faded out)
	TagDeprecated                 // use of something deprecated (struck through)
)

// Diagnostic is one finding. Offsets are bytes into the checked file.
type Diagnostic struct {
	Rule     string // kebab-case name from the catalogue
	Severity Severity
	Start    int
	End      int
	Message  string
	Fixes    []Fix
	Related  []Related
	Tags     []Tag
}

// Fix is a quick fix: a verb phrase for the title ("Call with ':'") and edits
// against the original text. The edits of one fix never overlap.
type Fix struct {
	Title string
	Edits []Edit
}

// Edit replaces the bytes [Start, End) with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// Related points at another place that explains the diagnostic, such as the
// call that invalidated a pointer.
type Related struct {
	Start, End int
	Message    string
}
