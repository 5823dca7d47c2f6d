package sandbox

import (
	"sort"
	"strings"
	"sync"

	lua "github.com/yuin/gopher-lua"
)

// InlineGlobal is the function Options.Inline installs: the language server
// rewrites each line that ends in "--=" so that its values pass through
// InlineGlobal(line, ...) and come back in Result.Inline. The leading
// underscores and prefix keep it out of the way of user code.
const InlineGlobal = "__buflsp_inline"

// InlineValue is what one rewritten line produced, the last time it ran.
type InlineValue struct {
	Line  int    `json:"line"`  // 1-based line of the evaluated text
	Text  string `json:"text"`  // the values, rendered on one line
	Count int    `json:"count"` // how many times the line ran
}

// inlineRecorder collects the values of one evaluation. It is locked because
// Evaluate may read it while an abandoned run is still writing.
type inlineRecorder struct {
	mu     sync.Mutex
	values map[int]*InlineValue
}

// library installs the recorder as a module and the InlineGlobal global.
func (rec *inlineRecorder) library() Library {
	return Library{
		Name:   "buflsp.inline",
		Global: InlineGlobal,
		Loader: func(L *lua.LState) int {
			L.Push(L.NewFunction(rec.record))
			return 1
		},
	}
}

// record is InlineGlobal(line, ...): it keeps the rendered values of the
// line's latest run and returns the values unchanged.
func (rec *inlineRecorder) record(L *lua.LState) int {
	line := L.CheckInt(1)
	n := L.GetTop() - 1
	parts := make([]string, 0, n)
	for i := 2; i <= L.GetTop(); i++ {
		parts = append(parts, RenderInline(L.Get(i)))
	}
	text := strings.Join(parts, ", ")
	if n == 0 {
		text = "(no value)"
	}
	rec.mu.Lock()
	v := rec.values[line]
	if v == nil {
		v = &InlineValue{Line: line}
		rec.values[line] = v
	}
	v.Text = text
	v.Count++
	rec.mu.Unlock()
	return n
}

// snapshot returns the recorded values sorted by line.
func (rec *inlineRecorder) snapshot() []InlineValue {
	if rec == nil {
		return nil
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	out := make([]InlineValue, 0, len(rec.values))
	for _, v := range rec.values {
		out = append(out, *v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}
