package analysis

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// Result is the analysis of one file. It is built once per file and shared:
// the parsed file, the scope model and the inferred types are computed at
// most once (Model and Types build theirs on first use), so that rules and
// the language server's features read the same answers without redoing
// the work. A Result is safe for concurrent use once Check (or Diagnose)
// has returned; Model and Types may be called from several goroutines.
type Result struct {
	File        *syntax.File
	Diagnostics []Diagnostic // sorted by position, suppression and severities applied

	api       *api.Table
	facts     *semantic.Facts // what the workspace tells this file, or nil
	modelOnce sync.Once
	model     *semantic.Model
	typesOnce sync.Once
	types     *semantic.Types
	// ctx, when set (ParseInContext), ends the model and the types early;
	// stopped records that it, or the parse, did.
	ctx     context.Context
	stopped atomic.Bool
}

// Stopped reports whether the parse, the model or the types were given up
// because the context of ParseInContext ended; r is then unusable beyond
// its text.
func (r *Result) Stopped() bool { return r.stopped.Load() }

// context is the context of ParseInContext, or Background.
func (r *Result) context() context.Context {
	if r.ctx == nil {
		return context.Background()
	}
	return r.ctx
}

// Target is the dialect the file was parsed as.
func (r *Result) Target() syntax.Target {
	if r.File == nil {
		return syntax.TargetLuaJIT
	}
	return r.File.Target
}

// Model returns the scope and symbol model of the file, built on the first
// call; nil when there is no parsed file (or only the text and findings
// that CheckPaths keeps) or building it failed.
func (r *Result) Model() *semantic.Model {
	r.modelOnce.Do(func() {
		if r.File == nil || r.File.Chunk == nil || r.File.Stopped {
			return
		}
		defer func() {
			// A failure is a bug in the model builder; callers get nil
			// (rules turn that into their own error diagnostic).
			if recover() != nil {
				r.model = nil
			}
		}()
		var err error
		r.model, err = semantic.BuildContext(r.context(), r.File)
		if err != nil {
			r.stopped.Store(true)
		}
	})
	return r.model
}

// Types returns the flow-sensitive types of the file (semantic.Infer over
// Model), built on the first call; nil when there is no model or the
// inference failed.
func (r *Result) Types() *semantic.Types {
	r.typesOnce.Do(func() {
		m := r.Model()
		if m == nil || r.api == nil {
			return
		}
		defer func() {
			if recover() != nil {
				r.types = nil
			}
		}()
		var err error
		r.types, err = semantic.InferContext(r.context(), m, r.Target(), r.api, r.facts)
		if err != nil {
			r.stopped.Store(true)
		}
	})
	return r.types
}

// Checker holds what every check shares: the rule registry and the API
// table. It is immutable and safe for concurrent use; build it once.
type Checker struct {
	reg *rules.Registry
	api *api.Table
	// parallel bounds how many rules of one check run at once; 0 means
	// GOMAXPROCS.
	parallel int
}

// NewChecker builds a Checker with every catalogue rule.
func NewChecker() *Checker {
	return NewCheckerWith(rules.NewRegistry())
}

// NewCheckerWith builds a Checker that runs the rules of reg.
func NewCheckerWith(reg *rules.Registry) *Checker {
	return &Checker{reg: reg, api: api.New()}
}

// WithParallelism returns a Checker that shares c's rules and API table but
// runs at most n rules of one check at once (1: one after the other, on the
// calling goroutine); n <= 0 means GOMAXPROCS, the default. A language
// server uses it to keep its background checks within the cores it gives
// them, while a batch run uses every core. The output does not depend on n.
func (c *Checker) WithParallelism(n int) *Checker {
	cc := *c
	cc.parallel = max(n, 0)
	return &cc
}

// Parallelism is how many rules of one check run at once at most.
func (c *Checker) Parallelism() int {
	if c.parallel > 0 {
		return c.parallel
	}
	return max(1, runtime.GOMAXPROCS(0))
}

// Registry returns the rule registry the checker runs.
func (c *Checker) Registry() *rules.Registry { return c.reg }

// API returns the API table the checker resolves calls against.
func (c *Checker) API() *api.Table { return c.api }

// CheckSource analyses one file with a fresh Checker. Callers that check
// many files should build one Checker and call its Check method.
func CheckSource(name string, src []byte, cfg *Config) *Result {
	return NewChecker().Check(name, src, cfg)
}

// Check analyses one file. A nil cfg means the defaults. It never panics: a
// rule that fails is reported as an error diagnostic of that rule.
func (c *Checker) Check(name string, src []byte, cfg *Config) *Result {
	r := c.Parse(name, src, cfg)
	r.Diagnostics, _ = c.Diagnose(context.Background(), r, cfg)
	return r
}

// Parse parses one file (the target is detected as Check does) and returns
// a Result without diagnostics, whose Model and Types are built on first
// use. Diagnose runs the rules on it. The source is not copied: it must not
// change while the Result is in use.
func (c *Checker) Parse(name string, src []byte, cfg *Config) *Result {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	target := cfg.FileTarget(name, src)
	return &Result{File: parse(name, src, target, nil), api: c.api}
}

// ParseInContext is ParseIn given up once ctx ends: the parse stops early,
// Model and Types return nil, and Stopped reports true. The language
// server parses this way each version the user types: when the next edit
// replaces it, the work on a large file (hundreds of milliseconds, tens of
// MiB) ends at once instead of running for a result nobody reads.
func (c *Checker) ParseInContext(ctx context.Context, ws *Workspace, name string, src []byte, cfg *Config) *Result {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	r := &Result{File: parse(name, src, cfg.FileTarget(name, src), ctx.Done()), api: c.api, ctx: ctx}
	if r.File.Stopped {
		r.stopped.Store(true)
	}
	r.facts = ws.Facts(name, src)
	return r
}

// ParseIn is Parse for a file of the workspace ws (nil: none): the file's
// inference assumes what ws knows about the modules it requires and the
// arguments other files pass to its exported functions.
func (c *Checker) ParseIn(ws *Workspace, name string, src []byte, cfg *Config) *Result {
	r := c.Parse(name, src, cfg)
	r.facts = ws.Facts(name, src)
	return r
}

// parseForSummary is ParseIn for a file whose calls matter to the
// workspace: its inference runs even when the workspace tells it nothing
// (a file that never mentions "buffer" is otherwise skipped).
func (c *Checker) parseForSummary(ws *Workspace, name string, src []byte, cfg *Config) *Result {
	r := c.ParseIn(ws, name, src, cfg)
	if r.facts == nil {
		r.facts = &semantic.Facts{Import: func(string) *semantic.ModuleFacts { return nil }}
	}
	return r
}

// CheckIn is Check for a file of the workspace ws (see ParseIn).
func (c *Checker) CheckIn(ws *Workspace, name string, src []byte, cfg *Config) *Result {
	r := c.ParseIn(ws, name, src, cfg)
	r.Diagnostics, _ = c.Diagnose(context.Background(), r, cfg)
	return r
}

// Summary is what the file tells the rest of the workspace (see
// Workspace.SetSummary); nil when its types could not be inferred.
func (r *Result) Summary() *semantic.Summary {
	if t := r.Types(); t != nil {
		return t.Summary()
	}
	return nil
}

// Diagnose runs the enabled rules on r (from Parse, with the same cfg) and
// returns the diagnostics sorted by position, with suppression comments and
// the configured severities applied. Rules run concurrently, at most
// Parallelism at once, sharing r's model and types; the output does not
// depend on their order. It stops
// early with ctx's error when ctx ends (the diagnostics are then nil). It
// does not set r.Diagnostics.
func (c *Checker) Diagnose(ctx context.Context, r *Result, cfg *Config) ([]Diagnostic, error) {
	if cfg == nil {
		cfg = DefaultConfig()
	}
	file := r.File
	if file == nil {
		return nil, nil
	}
	var diags []Diagnostic
	for _, e := range file.Errors {
		diags = append(diags, Diagnostic{Rule: rules.SyntaxError, Severity: SeverityError, Start: e.Start, End: e.End, Message: e.Msg})
	}
	if d, ok := unknownTarget(file); ok {
		diags = append(diags, d)
	}
	globals := make(map[string]bool, len(cfg.Globals))
	for _, g := range cfg.Globals {
		globals[g] = true
	}
	var enabled []*rules.Rule
	for _, rule := range c.reg.All() {
		if rule.Run != nil && cfg.SeverityOf(rule.Name, rule.Severity) != SeverityOff {
			enabled = append(enabled, rule)
		}
	}
	ruleDiags, err := c.runRules(ctx, r, enabled, globals)
	if err != nil {
		return nil, err
	}
	for _, ds := range ruleDiags {
		diags = append(diags, ds...)
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
			if rule, ok := c.reg.Lookup(d.Rule); ok && def == SeverityOff {
				def = rule.Severity
			}
			d.Severity = cfg.SeverityOf(d.Rule, def)
			if d.Severity == SeverityOff {
				continue
			}
		}
		out = append(out, d)
	}
	sortDiagnostics(out)
	return out, nil
}

// runRules runs the rules on up to Parallelism goroutines and returns the
// diagnostics of each rule in the order of rs (each rule's own report order
// kept), so that the merged result is the same as a sequential run. The
// model and types are built once, by the first rule that asks, and shared:
// the rules that need them wait for that one build, while those that only
// read the syntax tree run meanwhile on the other workers. With a
// parallelism of 1 the rules run in order on the calling goroutine, so
// that the check never uses more than one core. A rule that has not
// started when ctx ends is skipped.
func (c *Checker) runRules(ctx context.Context, r *Result, rs []*rules.Rule, globals map[string]bool) ([][]Diagnostic, error) {
	out := make([][]Diagnostic, len(rs))
	// Most rules wait for the types first; when ctx ended meanwhile, the
	// rule is abandoned there (runRule recovers the panic, and the whole
	// output is dropped below) instead of walking a superseded file.
	model := func() *semantic.Model {
		m := r.Model()
		if ctx.Err() != nil {
			panic(ctx.Err())
		}
		return m
	}
	types := func() *semantic.Types {
		t := r.Types()
		if ctx.Err() != nil {
			panic(ctx.Err())
		}
		return t
	}
	runOne := func(i int) {
		if ctx.Err() != nil {
			return
		}
		rule := rs[i]
		var mine []Diagnostic
		report := func(d Diagnostic) { mine = append(mine, d) }
		pass := rules.NewPass(rule, rules.PassInput{File: r.File, Target: r.Target(), Globals: globals, API: c.api, Report: report, Model: model, Types: types})
		if err := runRule(rule, pass); err != nil {
			mine = append(mine, Diagnostic{Rule: rule.Name, Severity: SeverityError, Message: err.Error()})
		}
		out[i] = mine
	}
	n := min(c.Parallelism(), len(rs))
	if n <= 1 {
		for i := range rs {
			runOne(i)
		}
	} else {
		// Each worker takes the next rule not yet taken; which worker runs
		// a rule does not matter, since each rule writes only its own slot.
		var next atomic.Int64
		var wg sync.WaitGroup
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= len(rs) {
						return
					}
					runOne(i)
				}
			}()
		}
		wg.Wait()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// parse calls the parser and turns a parser panic, which would be a bug in
// the parser, into one syntax error covering the file instead of a crash.
func parse(name string, src []byte, target syntax.Target, stop <-chan struct{}) (file *syntax.File) {
	defer func() {
		if v := recover(); v != nil {
			file = &syntax.File{Name: name, Src: src, Target: target, Lines: syntax.NewLineTable(src),
				Errors: []syntax.Error{{Start: 0, End: 0, Msg: fmt.Sprintf("internal parser error (please report): %v", v)}}}
		}
	}()
	return syntax.Parse(name, src, syntax.Options{Target: target, Stop: stop})
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

// unknownTarget reports a first-line "-- target: NAME" comment whose NAME is
// not a target: the comment is then ignored, so the user must hear of it.
func unknownTarget(file *syntax.File) (Diagnostic, bool) {
	name, start, end, ok := syntax.TargetComment(file.Src)
	if !ok {
		return Diagnostic{}, false
	}
	_, err := syntax.ParseTarget(name)
	if err == nil {
		return Diagnostic{}, false
	}
	return Diagnostic{Rule: rules.UnknownTarget, Severity: SeverityWarning, Start: start, End: end,
		Message: fmt.Sprintf("first-line comment: %v; the file is checked as %s", err, file.Target)}, true
}
