package analysis

import "sort"

// ApplyFixes applies the first quick fix of each diagnostic to src and
// returns the new text and how many fixes were applied. A fix is applied
// whole or not at all: one whose edits overlap an already accepted edit, or
// fall outside the source, is skipped, so the result never mixes two fixes'
// changes to the same bytes.
func ApplyFixes(src []byte, diags []Diagnostic) ([]byte, int) {
	accepted, applied := FixEdits(len(src), diags)
	if applied == 0 {
		return src, 0
	}
	out := make([]byte, 0, len(src))
	last := 0
	for _, e := range accepted {
		out = append(out, src[last:e.Start]...)
		out = append(out, e.NewText...)
		last = e.End
	}
	out = append(out, src[last:]...)
	return out, applied
}

// FixEdits picks the fixes ApplyFixes applies to a source of n bytes and
// returns their edits sorted by offset, and how many fixes they come from.
// The language server's "fix all" action sends these edits, so the editor
// and `check --fix` make the same change.
func FixEdits(n int, diags []Diagnostic) ([]Edit, int) {
	var accepted []Edit
	applied := 0
	for _, d := range diags {
		if len(d.Fixes) == 0 {
			continue
		}
		edits := d.Fixes[0].Edits
		if !fixFits(edits, accepted, n) {
			continue
		}
		accepted = append(accepted, edits...)
		applied++
	}
	sort.SliceStable(accepted, func(i, j int) bool { return accepted[i].Start < accepted[j].Start })
	return accepted, applied
}

// fixFits checks that every edit is inside the source and overlaps neither
// the other edits of the same fix nor those already accepted. Two insertions
// at the same offset count as overlapping, since their order would be
// arbitrary.
func fixFits(edits, accepted []Edit, n int) bool {
	for i, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > n {
			return false
		}
		for _, o := range accepted {
			if overlaps(e, o) {
				return false
			}
		}
		for _, o := range edits[:i] {
			if overlaps(e, o) {
				return false
			}
		}
	}
	return true
}

func overlaps(a, b Edit) bool {
	if a.Start == b.Start {
		return true
	}
	return a.Start < b.End && b.Start < a.End
}
