package analysis

import (
	"fmt"
	"sort"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// Result is the analysis of one file.
type Result struct {
	File        *syntax.File
	Diagnostics []Diagnostic // sorted by position, suppression and severities applied
}

// Checker holds what every check shares: the rule registry and the API
// table. It is immutable and safe for concurrent use; build it once.
type Checker struct {
	reg *rules.Registry
	api *api.Table
}

// NewChecker builds a Checker with every catalogue rule.
func NewChecker() *Checker {
	return NewCheckerWith(rules.NewRegistry())
}

// NewCheckerWith builds a Checker that runs the rules of reg.
func NewCheckerWith(reg *rules.Registry) *Checker {
	return &Checker{reg: reg, api: api.New()}
}

// Registry returns the rule registry the checker runs.
func (c *Checker) Registry() *rules.Registry { return c.reg }

// CheckSource analyses one file with a fresh Checker. Callers that check
// many files should build one Checker and call its Check method.
func CheckSource(name string, src []byte, cfg *Config) *Result {
	return NewChecker().Check(name, src, cfg)
}

// Check analyses one file. A nil cfg means the defaults. It never panics: a
// rule that fails is reported as an error diagnostic of that rule.
func (c *Checker) Check(name string, src []byte, cfg *Config) *Result {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	target := syntax.DetectTarget(name, src, cfg.Target)
	file := parse(name, src, target)
	var diags []Diagnostic
	for _, e := range file.Errors {
		diags = append(diags, Diagnostic{Rule: rules.SyntaxError, Severity: SeverityError, Start: e.Start, End: e.End, Message: e.Msg})
	}
	globals := make(map[string]bool, len(cfg.Globals))
	for _, g := range cfg.Globals {
		globals[g] = true
	}
	report := func(d Diagnostic) { diags = append(diags, d) }
	var model *semantic.Model
	getModel := func() *semantic.Model {
		if model == nil {
			model = semantic.Build(file)
		}
		return model
	}
	var types *semantic.Types
	getTypes := func() *semantic.Types {
		if types == nil {
			types = semantic.Infer(getModel(), target, c.api)
		}
		return types
	}
	for _, r := range c.reg.All() {
		if r.Run == nil || cfg.SeverityOf(r.Name, r.Severity) == SeverityOff {
			continue
		}
		pass := rules.NewPass(r, rules.PassInput{File: file, Target: target, Globals: globals, API: c.api, Report: report, Model: getModel, Types: getTypes})
		if err := runRule(r, pass); err != nil {
			diags = append(diags, Diagnostic{Rule: r.Name, Severity: SeverityError, Message: err.Error()})
		}
	}
	sup := parseSuppressions(file, c.reg)
	diags = append(diags, sup.problems...)
	out := diags[:0]
	for _, d := range diags {
		if d.Rule != rules.SyntaxError {
			if sup.suppressed(d) {
				continue
			}
			def := d.Severity
			if r, ok := c.reg.Lookup(d.Rule); ok && def == SeverityOff {
				def = r.Severity
			}
			d.Severity = cfg.SeverityOf(d.Rule, def)
			if d.Severity == SeverityOff {
				continue
			}
		}
		out = append(out, d)
	}
	sortDiagnostics(out)
	return &Result{File: file, Diagnostics: out}
}

// parse calls the parser and turns a parser panic, which would be a bug in
// the parser, into one syntax error covering the file instead of a crash.
func parse(name string, src []byte, target syntax.Target) (file *syntax.File) {
	defer func() {
		if v := recover(); v != nil {
			file = &syntax.File{Name: name, Src: src, Target: target, Lines: syntax.NewLineTable(src),
				Errors: []syntax.Error{{Start: 0, End: 0, Msg: fmt.Sprintf("internal parser error (please report): %v", v)}}}
		}
	}()
	return syntax.Parse(name, src, syntax.Options{Target: target})
}

// runRule runs one rule, turning a panic into an error so that one broken
// rule does not take down the whole check.
func runRule(r *rules.Rule, pass *rules.Pass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error in rule %s (please report): %v", r.Name, v)
		}
	}()
	r.Run(pass)
	return nil
}

// sortDiagnostics orders by start, end, rule and message, so that output is
// stable across runs and rule order.
func sortDiagnostics(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}
