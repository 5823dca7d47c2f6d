package rules

import (
	"fmt"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// Pass is everything a rule may look at, and the only way it reports. Rules
// never read files or configuration themselves, so the same rule serves the
// command line and unsaved editor buffers.
type Pass struct {
	File    *syntax.File
	Target  syntax.Target
	Globals map[string]bool // extra globals declared in the configuration
	API     *api.Table

	rule   *Rule
	report func(Diagnostic)
	model  func() *semantic.Model
	types  func() *semantic.Types
}

// PassInput carries what the driver hands to NewPass.
type PassInput struct {
	File    *syntax.File
	Target  syntax.Target
	Globals map[string]bool
	API     *api.Table
	Report  func(Diagnostic)
	// Model returns the file's semantic model (scopes, symbols,
	// annotations). The driver builds it at most once per file, on the first
	// call, and shares it between rules.
	Model func() *semantic.Model
	// Types returns the file's inferred types, built at most once per file
	// on the first call and shared between rules like Model.
	Types func() *semantic.Types
}

// NewPass prepares a pass for one rule over one file.
func NewPass(r *Rule, in PassInput) *Pass {
	return &Pass{File: in.File, Target: in.Target, Globals: in.Globals, API: in.API, rule: r, report: in.Report, model: in.Model, types: in.Types}
}

// Model returns the semantic model of the file: scopes, resolved names and
// LuaCATS annotations. Rules that only look at syntax never pay for it.
func (p *Pass) Model() *semantic.Model {
	if p.model == nil {
		return semantic.Build(p.File)
	}
	return p.model()
}

// Rule is the rule this pass runs.
func (p *Pass) Rule() *Rule { return p.rule }

// Report records a diagnostic. An empty Rule or zero Severity is filled in
// from the running rule, and the range is clamped to the file, so a rule
// cannot produce a diagnostic that points outside the source.
func (p *Pass) Report(d Diagnostic) {
	if d.Rule == "" {
		d.Rule = p.rule.Name
	}
	if d.Severity == SeverityOff {
		d.Severity = p.rule.Severity
	}
	n := len(p.File.Src)
	d.Start = max(0, min(d.Start, n))
	d.End = max(d.Start, min(d.End, n))
	p.report(d)
}

// Reportf reports a diagnostic over [start, end) with a formatted message.
func (p *Pass) Reportf(start, end int, format string, args ...any) {
	p.Report(Diagnostic{Start: start, End: end, Message: fmt.Sprintf(format, args...)})
}
