package lsp

// This file makes a broken .buflsp.toml visible in the editor, where a user
// would otherwise never learn that the server quietly used the defaults:
// each problem `buflsp check` reports becomes a diagnostic in the file
// (published whether or not the file is open), and one window/showMessage
// says that the file has problems. The message is sent once per distinct
// set of problems, so a settings change does not repeat it; the
// diagnostics are cleared when the file is fixed.

import (
	"errors"
	"path/filepath"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/buflsp/buflsp/analysis/config"
)

// configReport is what is wrong with the configuration file in use.
type configReport struct {
	path     string           // "" when no file was found
	problems []config.Problem // the file's problems, or its one syntax error
	unusable bool             // the file is not TOML: the defaults are in use
}

// newConfigReport describes the outcome of loading path.
func newConfigReport(path string, cfg *config.Config, err error) configReport {
	r := configReport{path: path}
	if err != nil {
		r.unusable = true
		var se *config.SyntaxError
		if errors.As(err, &se) {
			r.problems = []config.Problem{{Line: se.Line, Col: se.Col, Msg: se.Msg}}
		} else {
			r.problems = []config.Problem{{Msg: err.Error()}}
		}
		return r
	}
	if cfg != nil {
		r.problems = cfg.Problems
	}
	return r
}

// key identifies the report's content, to send each message once.
func (r configReport) key() string {
	var b strings.Builder
	b.WriteString(r.path)
	for _, p := range r.problems {
		b.WriteString("\x00" + itoa(p.Line) + ":" + itoa(p.Col) + ":" + p.Msg)
	}
	return b.String()
}

// sendConfigReport publishes the report's diagnostics and, when it differs
// from the last one sent and has problems, shows a message. It must run
// after initialize has been answered.
func (s *Server) sendConfigReport() {
	s.mu.Lock()
	if s.settings == nil || s.settings.report.key() == s.configSent.key() {
		s.mu.Unlock()
		return
	}
	r, last := s.settings.report, s.configSent
	s.configSent = r
	s.mu.Unlock()
	if last.path != "" && last.path != r.path {
		s.publish(uri.File(last.path), nil, nil) // a file no longer in use
	}
	if r.path == "" {
		return
	}
	diags := make([]protocol.Diagnostic, 0, len(r.problems))
	for _, p := range r.problems {
		line, col := uint32(max(p.Line-1, 0)), uint32(max(p.Col-1, 0))
		diags = append(diags, protocol.Diagnostic{
			Range:    protocol.Range{Start: protocol.Position{Line: line, Character: col}, End: protocol.Position{Line: line + 1}},
			Severity: protocol.DiagnosticSeverityError,
			Code:     "config",
			Source:   "buflsp",
			Message:  p.Msg,
		})
	}
	s.publish(uri.File(r.path), nil, diags)
	if len(r.problems) == 0 {
		return
	}
	shown := r.path
	if rel, err := filepath.Rel(s.root(), r.path); err == nil && !strings.HasPrefix(rel, "..") {
		shown = rel // the workspace is known: a short name reads better in a toast
	}
	msg := "buflsp: " + shown + " has " + plural(len(r.problems), "problem") + "; the keys in question are ignored (see the file's diagnostics). First: " + firstProblem(r)
	if r.unusable {
		msg = "buflsp: " + shown + " is not valid TOML, so the defaults are in use: " + firstProblem(r)
	}
	s.notify(protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: protocol.MessageTypeError, Message: msg})
}

func firstProblem(r configReport) string {
	p := r.problems[0]
	if p.Line > 0 {
		return "line " + itoa(p.Line) + ": " + p.Msg
	}
	return p.Msg
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}
