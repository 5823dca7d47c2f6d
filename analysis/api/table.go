package api

import "sort"

// Table indexes every entry by owner and name. Build it once with New and
// share it: it is never modified after construction, so concurrent readers are
// safe.
type Table struct {
	funcs  []Func
	byName map[key]int
}

type key struct {
	owner Owner
	name  string
}

// New builds the table.
func New() *Table {
	funcs := entries()
	t := &Table{funcs: funcs, byName: make(map[key]int, len(funcs))}
	for i, f := range funcs {
		t.byName[key{f.Owner, f.Name}] = i
	}
	return t
}

// Lookup finds a function by owner and name.
func (t *Table) Lookup(owner Owner, name string) (*Func, bool) {
	i, ok := t.byName[key{owner, name}]
	if !ok {
		return nil, false
	}
	return &t.funcs[i], true
}

// Members lists the entries of one owner sorted by name. When extensions is
// false, buflsp's editing extensions are left out (the targets luajit and luau
// do not have them).
func (t *Table) Members(owner Owner, extensions bool) []*Func {
	var out []*Func
	for i := range t.funcs {
		f := &t.funcs[i]
		if f.Owner == owner && (extensions || !f.Extension) {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// All lists every entry in table order.
func (t *Table) All() []*Func {
	out := make([]*Func, len(t.funcs))
	for i := range t.funcs {
		out[i] = &t.funcs[i]
	}
	return out
}

// Nearest returns the member of owner whose name is closest to name by edit
// distance, for "did you mean" suggestions, or "" when nothing is close
// (more than a third of the name differs).
func (t *Table) Nearest(owner Owner, name string, extensions bool) string {
	members := t.Members(owner, extensions)
	names := make([]string, len(members))
	for i, f := range members {
		names[i] = f.Name
	}
	return NearestName(name, names)
}

// NearestName returns the candidate closest to name by edit distance, or ""
// when none is close (more than a third of the name differs). Every "did you
// mean" in buflsp (API members, rule names, command-line flags) uses it, so
// they all judge closeness the same way.
func NearestName(name string, candidates []string) string {
	best, bestDist := "", len(name)/3+1
	for _, c := range candidates {
		if d := editDistance(name, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal-string-alignment distance between a and b in
// bytes: insertions, deletions, substitutions and swaps of neighbours each
// cost one, so the common typo "nwe" is one step from "new".
func editDistance(a, b string) int {
	rows := make([][]int, len(a)+1)
	for i := range rows {
		rows[i] = make([]int, len(b)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(a)][len(b)]
}
