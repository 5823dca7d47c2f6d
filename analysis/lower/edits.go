package lower

import (
	"bytes"
	"sort"
	"strings"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// edit replaces src[start:end] with text (an insertion when start == end).
type edit struct {
	start, end int
	text       string
	seq        int // order of insertion, to keep insertions at one offset stable
}

// rewriter collects edits over the source. Nodes are visited children
// first, so when a node is replaced as a whole its replacement is built from
// the already rewritten text of its children, and the children's own edits
// are dropped in favour of it.
type rewriter struct {
	src   []byte
	lines *syntax.LineTable
	edits []edit
	seq   int
	err   *Error
	loops int // counter for unique continue labels
}

// inside reports whether e lies within [start, end]. Insertions at either
// boundary count as inside, so that slice and replace agree.
func (e edit) inside(start, end int) bool {
	return e.start >= start && e.end <= end
}

func (r *rewriter) sorted() {
	sort.SliceStable(r.edits, func(i, j int) bool {
		a, b := r.edits[i], r.edits[j]
		if a.start != b.start {
			return a.start < b.start
		}
		return a.seq < b.seq
	})
}

// slice returns src[start:end] with the edits inside it applied.
func (r *rewriter) slice(start, end int) string {
	r.sorted()
	var b strings.Builder
	pos := start
	for _, e := range r.edits {
		if !e.inside(start, end) || e.start < pos {
			continue
		}
		b.Write(r.src[pos:e.start])
		b.WriteString(e.text)
		pos = e.end
	}
	b.Write(r.src[pos:end])
	return b.String()
}

// replace replaces src[start:end] (and the edits inside it) with text. When
// text has fewer line breaks than the original, the missing ones are added
// at its end so that the following lines keep their numbers.
func (r *rewriter) replace(start, end int, text string) {
	kept := r.edits[:0]
	for _, e := range r.edits {
		if !e.inside(start, end) {
			kept = append(kept, e)
		}
	}
	r.edits = kept
	if missing := bytes.Count(r.src[start:end], []byte("\n")) - strings.Count(text, "\n"); missing > 0 {
		text += strings.Repeat("\n", missing)
	}
	r.add(start, end, text)
}

// add records an edit without touching the others.
func (r *rewriter) add(start, end int, text string) {
	r.seq++
	r.edits = append(r.edits, edit{start, end, text, r.seq})
}

// erase removes src[start:end], keeping its line breaks, or a single space
// when it has none so that the tokens around it cannot merge.
func (r *rewriter) erase(start, end int) {
	if start >= end {
		return
	}
	n := bytes.Count(r.src[start:end], []byte("\n"))
	text := " "
	if n > 0 {
		text = strings.Repeat("\n", n)
	}
	r.replace(start, end, text)
}

// insert adds text at off.
func (r *rewriter) insert(off int, text string) { r.add(off, off, text) }

// result applies every edit to the whole source.
func (r *rewriter) result() []byte {
	return []byte(r.slice(0, len(r.src)))
}

// skipSpaceBack returns the offset just after the last non-space byte
// before off.
func (r *rewriter) skipSpaceBack(off int) int {
	for off > 0 && isSpace(r.src[off-1]) {
		off--
	}
	return off
}

// skipSpace returns the offset of the first non-space byte at or after off.
func (r *rewriter) skipSpace(off int) int {
	for off < len(r.src) && isSpace(r.src[off]) {
		off++
	}
	return off
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}
