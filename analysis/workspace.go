package analysis

// This file is the workspace pass: it keeps the small summary of each file
// (what its module exports, which other modules' functions it calls with
// which argument kinds; semantic.Summary) and joins them into the facts one
// file's inference may assume (semantic.Facts), the way go/analysis passes
// facts about functions to the packages that import them. Module names are
// resolved as package.path's "?.lua;?/init.lua" does, from any directory of
// the workspace: kong.tools.x is kong/tools/x.lua or kong/tools/x/init.lua,
// and when several files match, the one nearest the requiring file wins.
//
// Cost: one summary per file that has one (files without buffer values and
// without calls into modules that export them keep nothing), a join that
// is linear in the summaries and their calls, and no walk of the require
// graph, so cycles and a module required by every file cost nothing extra.

import (
	"bytes"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/buflsp/buflsp/analysis/semantic"
)

// Workspace holds the summaries of a set of files and their join. It is
// safe for concurrent use: the server updates it as files change while
// other files are analysed. A nil *Workspace is an empty one that keeps
// nothing.
type Workspace struct {
	mu     sync.RWMutex
	files  map[string]bool     // every known file, cleaned absolute paths
	byName map[string][]string // a module's last name component -> files that may be it
	sums   map[string]*semantic.Summary
	// reqs holds the modules each file requires, for the files whose
	// list was given (SetRequires); reqBy indexes them by the module
	// name's last component, the way byName indexes files.
	reqs  map[string][]string
	reqBy map[string]map[string]bool
	// The join, rebuilt on the first Facts after a change; its maps are
	// never modified once built, so a Facts keeps reading a consistent one.
	joined *join
}

type join struct {
	exports map[string]*semantic.ModuleFacts
	params  map[string]map[string][]semantic.Kind
	// wanted holds the files that export something or whose functions
	// some file calls with a buffer kind: the files requiring them are
	// the ones whose calls matter.
	wanted map[string]bool
}

// NewWorkspace makes an empty workspace.
func NewWorkspace() *Workspace {
	return &Workspace{files: map[string]bool{}, byName: map[string][]string{}, sums: map[string]*semantic.Summary{},
		reqs: map[string][]string{}, reqBy: map[string]map[string]bool{}}
}

// wsPath is the key of a file: absolute, cleaned, with forward slashes.
func wsPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return filepath.ToSlash(filepath.Clean(p))
}

// moduleStem is the path without its extension.
func moduleStem(p string) string {
	return strings.TrimSuffix(p, filepath.Ext(p))
}

// AddFile makes a file known, so that require can find it.
func (w *Workspace) AddFile(path string) {
	if w == nil {
		return
	}
	p := wsPath(path)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.files[p] {
		return
	}
	w.files[p] = true
	name := fileModuleName(p)
	w.byName[name] = append(w.byName[name], p)
	w.joined = nil
}

// fileModuleName is the last component of the module names a file may be
// required as: x for a/x.lua and for a/x/init.lua.
func fileModuleName(p string) string {
	stem := moduleStem(p)
	name := stem[strings.LastIndex(stem, "/")+1:]
	if name == "init" {
		dir := strings.TrimSuffix(stem, "/init")
		name = dir[strings.LastIndex(dir, "/")+1:]
	}
	return name
}

// lastComponent is the last dotted component of a module name.
func lastComponent(module string) string {
	return module[strings.LastIndex(module, ".")+1:]
}

// SetRequires records the modules a file requires (as Requires lists
// them), so that Dependents finds it when one of them changes.
func (w *Workspace) SetRequires(path string, modules []string) {
	if w == nil {
		return
	}
	p := wsPath(path)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.dropRequires(p)
	if len(modules) == 0 {
		return
	}
	w.reqs[p] = modules
	for _, m := range modules {
		name := lastComponent(m)
		set := w.reqBy[name]
		if set == nil {
			set = map[string]bool{}
			w.reqBy[name] = set
		}
		set[p] = true
	}
}

// dropRequires forgets what SetRequires recorded for p. Callers hold w.mu.
func (w *Workspace) dropRequires(p string) {
	for _, m := range w.reqs[p] {
		name := lastComponent(m)
		delete(w.reqBy[name], p)
		if len(w.reqBy[name]) == 0 {
			delete(w.reqBy, name)
		}
	}
	delete(w.reqs, p)
}

// Summary returns the summary recorded for a file, or nil.
func (w *Workspace) Summary(path string) *semantic.Summary {
	if w == nil {
		return nil
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	return w.sums[wsPath(path)]
}

// Dependents lists the files whose facts a change of path's summary (from
// old to the one recorded now) can change: the files requiring it (among
// those given to SetRequires), whose imports come from its exports, and
// the modules its old or new summary calls, whose parameters take its
// arguments. The result is sorted and never holds path itself.
func (w *Workspace) Dependents(path string, old *semantic.Summary) []string {
	if w == nil {
		return nil
	}
	p := wsPath(path)
	w.mu.RLock()
	defer w.mu.RUnlock()
	set := map[string]bool{}
	for f := range w.reqBy[fileModuleName(p)] {
		if f == p {
			continue
		}
		for _, m := range w.reqs[f] {
			if w.resolve(f, m) == p {
				set[f] = true
				break
			}
		}
	}
	for _, s := range []*semantic.Summary{old, w.sums[p]} {
		if s == nil {
			continue
		}
		for _, c := range s.Calls {
			if t := w.resolve(p, c.Module); t != "" && t != p {
				set[t] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for f := range set {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// RemoveFile forgets a file and its summary.
func (w *Workspace) RemoveFile(path string) {
	if w == nil {
		return
	}
	p := wsPath(path)
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.files[p] {
		return
	}
	delete(w.files, p)
	delete(w.sums, p)
	w.dropRequires(p)
	for name, ps := range w.byName {
		for i, q := range ps {
			if q == p {
				w.byName[name] = append(ps[:i:i], ps[i+1:]...)
				break
			}
		}
	}
	w.joined = nil
}

// SetSummary records the summary of a file (nil or empty: it has none)
// and reports whether it changed. The join is redone only then.
func (w *Workspace) SetSummary(path string, s *semantic.Summary) bool {
	if w == nil {
		return false
	}
	p := wsPath(path)
	if s != nil && s.Exports == nil && len(s.Calls) == 0 {
		s = nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	old, had := w.sums[p]
	switch {
	case s == nil && !had:
		return false
	case s == nil:
		delete(w.sums, p)
	case had && reflect.DeepEqual(old, s):
		return false
	default:
		w.sums[p] = s
	}
	w.joined = nil
	return true
}

// Summaries is the number of files that have a summary.
func (w *Workspace) Summaries() int {
	if w == nil {
		return 0
	}
	w.mu.RLock()
	defer w.mu.RUnlock()
	return len(w.sums)
}

// resolve finds the file a require of module names from the file from, or
// "". Callers hold w.mu.
func (w *Workspace) resolve(from, module string) string {
	if module == "" || strings.ContainsAny(module, "/\\") {
		return ""
	}
	rel := "/" + strings.ReplaceAll(module, ".", "/")
	name := rel[strings.LastIndex(rel, "/")+1:]
	best, bestScore := "", -1
	for _, p := range w.byName[name] {
		stem := moduleStem(p)
		root, ok := strings.CutSuffix(stem, rel)
		if !ok {
			if root, ok = strings.CutSuffix(stem, rel+"/init"); !ok {
				continue
			}
		}
		// package.path searches from a root folder: a root that holds the
		// requiring file is the likely one (the deepest such), then the
		// file sharing the longest folder prefix with it.
		score := commonPrefix(p, from)
		if strings.HasPrefix(from, root+"/") {
			score = len(from) + len(root)
		}
		if score > bestScore || score == bestScore && p < best {
			best, bestScore = p, score
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// ensureJoined returns the join, building it when a summary changed.
func (w *Workspace) ensureJoined() *join {
	w.mu.RLock()
	j := w.joined
	w.mu.RUnlock()
	if j != nil {
		return j
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.joined != nil {
		return w.joined
	}
	j = &join{exports: map[string]*semantic.ModuleFacts{}, params: map[string]map[string][]semantic.Kind{}, wanted: map[string]bool{}}
	// Visit in path order so the join does not depend on map order.
	paths := make([]string, 0, len(w.sums))
	for p := range w.sums {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if e := w.sums[p].Exports; e != nil {
			j.exports[p] = e
			j.wanted[p] = true
		}
	}
	for _, p := range paths {
		for _, c := range w.sums[p].Calls {
			target := w.resolve(p, c.Module)
			if target == "" {
				continue
			}
			fields := j.params[target]
			if fields == nil {
				fields = map[string][]semantic.Kind{}
				j.params[target] = fields
			}
			for _, k := range c.Args {
				if k.IsBuffer() || k == semantic.SBufModule || k == semantic.LuauLib {
					j.wanted[target] = true
				}
			}
			if old, ok := fields[c.Field]; ok {
				fields[c.Field] = semantic.MergeKinds(old, c.Args)
			} else {
				fields[c.Field] = c.Args
			}
		}
	}
	w.joined = j
	return j
}

// Requires lists the modules src requires by a constant name
// (require "x", require("x"), require 'x'), by a scan of the bytes rather
// than a parse.
func Requires(src []byte) []string {
	var out []string
	word := []byte("require")
	for i := 0; ; {
		k := bytes.Index(src[i:], word)
		if k < 0 {
			return out
		}
		at := i + k
		i = at + len(word)
		if at > 0 && isNameByte(src[at-1]) || i < len(src) && isNameByte(src[i]) {
			continue
		}
		j := skipSpace(src, i)
		if j < len(src) && src[j] == '(' {
			j = skipSpace(src, j+1)
		}
		if j >= len(src) || src[j] != '"' && src[j] != '\'' {
			continue
		}
		q := src[j]
		end := bytes.IndexAny(src[j+1:], string([]byte{q, '\n', '\\'}))
		if end <= 0 || src[j+1+end] != q {
			continue
		}
		out = append(out, string(src[j+1:j+1+end]))
	}
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

// relevant reports whether one of the modules (as Requires lists them for
// the file path) resolves to a file in set.
func (w *Workspace) relevant(p string, modules []string, set func(string) bool) bool {
	w.mu.RLock()
	defer w.mu.RUnlock()
	for _, m := range modules {
		if t := w.resolve(p, m); t != "" && set(t) {
			return true
		}
	}
	return false
}

// NeedsSummary reports whether the calls of the file matter to the rest of
// the workspace: it requires a module that exports a buffer kind or whose
// functions receive one from some file.
func (w *Workspace) NeedsSummary(path string, modules []string) bool {
	if len(modules) == 0 {
		return false
	}
	j := w.ensureJoined()
	return len(j.wanted) > 0 && w.relevant(wsPath(path), modules, func(t string) bool { return j.wanted[t] })
}

// Facts returns what the workspace tells the inference of the file at
// path with content src, or nil when it tells nothing.
func (w *Workspace) Facts(path string, src []byte) *semantic.Facts {
	if w == nil {
		return nil
	}
	return w.factsFor(wsPath(path), Requires(src))
}

// HasFacts reports whether Facts of the file would tell anything, given
// the modules it requires (as Requires lists them).
func (w *Workspace) HasFacts(path string, modules []string) bool {
	return w != nil && w.factsFor(wsPath(path), modules) != nil
}

func (w *Workspace) factsFor(p string, modules []string) *semantic.Facts {
	j := w.ensureJoined()
	f := &semantic.Facts{Params: j.params[p]}
	if len(j.exports) > 0 && w.relevant(p, modules, func(t string) bool { return j.exports[t] != nil }) {
		f.Import = func(module string) *semantic.ModuleFacts {
			w.mu.RLock()
			t := w.resolve(p, module)
			w.mu.RUnlock()
			if t == "" || t == p {
				return nil
			}
			return j.exports[t]
		}
	}
	if f.Import == nil && len(f.Params) == 0 {
		return nil
	}
	return f
}
