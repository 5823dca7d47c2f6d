package rules

import (
	"sort"

	"github.com/buflsp/buflsp/analysis/api"
)

// implementations ties rule names to their Run functions. A new rule adds
// one line here and one file with its function.
func implementations() map[string]func(*Pass) {
	return map[string]func(*Pass){
		"unknown-member":            runUnknownMember,
		"wrong-arg-count":           runWrongArgCount,
		"wrong-arg-type":            runWrongArgType,
		"kind-mismatch":             runKindMismatch,
		"method-call-with-dot":      runMethodCallWithDot,
		"pcall-method-without-self": runPcallMethodWithoutSelf,
		"out-of-bounds":             runOutOfBounds,
		"one-based-offset":          runOneBasedOffset,
		"value-out-of-range":        runValueOutOfRange,
		"invalid-codec-options":     runInvalidCodecOptions,
		"encode-unsupported":        runEncodeUnsupported,
		"get-nil-not-last":          runGetNilNotLast,
		"codec-error-as-value":      runCodecErrorAsValue,
		"buffer-concat":             runBufferConcat,
		"buffer-tostring":           runBufferTostring,
		"buffer-put-buffer":         runBufferPutBuffer,
		"string-concat-in-loop":     runStringConcatInLoop,
		"buffer-new-in-loop":        runBufferNewInLoop,
		"codec-buffer-reuse":        runCodecBufferReuse,
		"codec-options-mutated":     runCodecOptionsMutated,
		"stale-pointer":             runStalePointer,
		"commit-without-reserve":    runCommitWithoutReserve,
		"ref-without-length":        runRefWithoutLength,
		"view-alias":                runViewAlias,
		"set-then-write":            runSetThenWrite,
		"buffer-operator":           runBufferOperator,
	}
}

// Registry is the catalogue with implementations attached, indexed by name.
// It is immutable after construction and safe for concurrent use.
type Registry struct {
	rules  []Rule
	byName map[string]int
}

// NewRegistry builds the registry from the catalogue.
func NewRegistry() *Registry {
	rs := catalog()
	impl := implementations()
	for i := range rs {
		if run, ok := impl[rs[i].Name]; ok {
			rs[i].Run = run
		}
	}
	return NewRegistryFrom(rs)
}

// NewRegistryFrom builds a registry from an explicit rule list. Tests use it
// to run the driver with rules of their own; the command and the server use
// NewRegistry.
func NewRegistryFrom(rs []Rule) *Registry {
	rs = append([]Rule(nil), rs...)
	r := &Registry{rules: rs, byName: make(map[string]int, len(rs))}
	for i := range rs {
		r.byName[rs[i].Name] = i
	}
	return r
}

// All returns every rule in catalogue order.
func (r *Registry) All() []*Rule {
	out := make([]*Rule, len(r.rules))
	for i := range r.rules {
		out[i] = &r.rules[i]
	}
	return out
}

// Lookup finds a rule by name.
func (r *Registry) Lookup(name string) (*Rule, bool) {
	i, ok := r.byName[name]
	if !ok {
		return nil, false
	}
	return &r.rules[i], true
}

// Names returns every rule name, sorted.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.rules))
	for _, rule := range r.rules {
		names = append(names, rule.Name)
	}
	sort.Strings(names)
	return names
}

// Nearest returns the rule name closest to name, for "did you mean"
// suggestions, or "" when none is close.
func (r *Registry) Nearest(name string) string {
	names := make([]string, len(r.rules))
	for i, rule := range r.rules {
		names[i] = rule.Name
	}
	return api.NearestName(name, names)
}
