package testutil

import (
	"fmt"
	"strings"
)

// maxDiffLines bounds the report of Diff: a wholesale change is recognised
// from its first lines, and thousands more only bury them.
const maxDiffLines = 40

// Diff describes where got differs from want, line by line: each differing
// line with its number and both versions quoted, so that invisible
// differences such as trailing spaces show. It returns "" when the texts
// are equal.
func Diff(want, got string) string {
	if want == got {
		return ""
	}
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown, hidden := 0, 0
	for i := 0; i < max(len(w), len(g)); i++ {
		wl, gl := lineAt(w, i), lineAt(g, i)
		if wl == gl {
			continue
		}
		if shown == maxDiffLines {
			hidden++
			continue
		}
		shown++
		fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
	}
	if hidden > 0 {
		fmt.Fprintf(&b, "... and %d more differing lines\n", hidden)
	}
	return b.String()
}

// lineAt returns line i quoted, or "(none)" past the end, so that a missing
// line is told apart from an empty one.
func lineAt(lines []string, i int) string {
	if i < len(lines) {
		return fmt.Sprintf("%q", lines[i])
	}
	return "(none)"
}
