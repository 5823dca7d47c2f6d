package lsp

// This file maps byte offsets between the current text of a document and the
// text of an older version whose analysis has completed. The map is the list
// of edits applied since that version: an offset before an edit is the same
// in both texts, one after it is shifted by the edit's change in length, and
// one inside the replaced text has no counterpart. Requests use it to answer
// from the older analysis without waiting for the current one.

// textEdit replaces before[start:end] with newLen bytes; the new text is
// after[start:start+newLen].
type textEdit struct {
	start, end, newLen int
}

// offsetMap relates the current text to a base text through the edits that
// turned base into current, oldest first. Each edit's offsets are in the
// text produced by the edits before it.
type offsetMap struct {
	edits []textEdit
}

// toBaseSpan maps the span [s, e) of the current text into the base text. It
// fails when an edit's new text lies inside the span (touching its ends is
// allowed: the span's own bytes are unchanged).
func (m *offsetMap) toBaseSpan(s, e int) (int, int, bool) {
	if m == nil {
		return s, e, true
	}
	for i := len(m.edits) - 1; i >= 0; i-- {
		ed := m.edits[i]
		switch {
		case e <= ed.start:
		case s >= ed.start+ed.newLen:
			d := ed.end - ed.start - ed.newLen
			s, e = s+d, e+d
		default:
			return 0, 0, false
		}
	}
	return s, e, true
}

// toBaseStrict maps an offset of the current text into the base text when no
// edit's new text touches it: a cursor right after typed text belongs to
// that text, whose meaning the base does not know.
func (m *offsetMap) toBaseStrict(p int) (int, bool) {
	if m == nil {
		return p, true
	}
	for i := len(m.edits) - 1; i >= 0; i-- {
		ed := m.edits[i]
		switch {
		case p < ed.start:
		case p > ed.start+ed.newLen:
			p += ed.end - ed.start - ed.newLen
		default:
			return 0, false
		}
	}
	return p, true
}

// fromBaseSpan maps the span [s, e) of the base text into the current text.
// It fails when an edit replaced bytes inside the span; an insertion at
// either end keeps the span whole.
func (m *offsetMap) fromBaseSpan(s, e int) (int, int, bool) {
	if m == nil {
		return s, e, true
	}
	for _, ed := range m.edits {
		switch {
		case e <= ed.start:
		case s >= ed.end:
			d := ed.newLen - (ed.end - ed.start)
			s, e = s+d, e+d
		default:
			return 0, 0, false
		}
	}
	return s, e, true
}

// fromBase maps one offset of the base text into the current text; an offset
// strictly inside replaced text has no counterpart.
func (m *offsetMap) fromBase(p int) (int, bool) {
	s, _, ok := m.fromBaseSpan(p, p)
	return s, ok
}

// minimalEdit describes a full-text replacement by the bytes that differ
// between the common prefix and the common suffix of the two texts, so that
// a client sending whole texts keeps positions away from its change mapped.
func minimalEdit(before, after []byte) textEdit {
	n := min(len(before), len(after))
	p := 0
	for p < n && before[p] == after[p] {
		p++
	}
	s := 0
	for s < n-p && before[len(before)-1-s] == after[len(after)-1-s] {
		s++
	}
	return textEdit{start: p, end: len(before) - s, newLen: len(after) - s - p}
}
