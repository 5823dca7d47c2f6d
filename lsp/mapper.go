package lsp

// This file converts between the two position representations the server
// meets. Inside buflsp a position is a byte offset into the document's UTF-8
// text, which is what the analyzer produces and what Go slices use. On the
// wire, LSP (3.16, without position-encoding negotiation) counts a position as
// a zero-based line and a zero-based column measured in UTF-16 code units, so a
// character outside the Basic Multilingual Plane counts twice and a multi-byte
// UTF-8 sequence counts once.
//
// Lines end at "\n", "\r\n" or a lone "\r", as in the LSP specification (and as
// Lua's own lexer does). Text that is not valid UTF-8 is measured as editors
// decode it: every byte that does not start a valid sequence counts as one
// replacement character, which is one UTF-16 unit.
//
// Conversions never fail: a line past the end of the document clamps to the
// end, a column past the end of its line clamps to the line end (before the
// terminator), and a column that lands inside a character or a surrogate pair
// rounds down to the start of that character.

import (
	"sort"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// Mapper converts byte offsets of one immutable text to LSP positions and back.
// Build it once per document version; it is safe for concurrent use.
type Mapper struct {
	content []byte
	// lineStart holds the byte offset at which each line starts; lineStart[0] is 0.
	lineStart []int
	// ascii records for each line whether its bytes are all ASCII, so that the
	// common case converts columns with a subtraction.
	ascii []bool
}

// NewMapper indexes content. The mapper keeps a reference to content, which
// must not be changed afterwards.
func NewMapper(content []byte) *Mapper {
	m := &Mapper{content: content, lineStart: make([]int, 1, 1+len(content)/32)}
	isASCII := true
	for i := 0; i < len(content); i++ {
		c := content[i]
		switch {
		case c == '\n':
			m.ascii = append(m.ascii, isASCII)
			m.lineStart = append(m.lineStart, i+1)
			isASCII = true
		case c == '\r':
			if i+1 < len(content) && content[i+1] == '\n' {
				i++
			}
			m.ascii = append(m.ascii, isASCII)
			m.lineStart = append(m.lineStart, i+1)
			isASCII = true
		case c >= utf8.RuneSelf:
			isASCII = false
		}
	}
	m.ascii = append(m.ascii, isASCII)
	return m
}

// Content returns the text the mapper indexes.
func (m *Mapper) Content() []byte { return m.content }

// LineCount returns the number of lines; an empty text has one empty line.
func (m *Mapper) LineCount() int { return len(m.lineStart) }

// lineOf returns the zero-based line that contains offset (clamped to the text).
func (m *Mapper) lineOf(offset int) int {
	// The first line whose start is after offset, minus one.
	return sort.Search(len(m.lineStart), func(i int) bool { return m.lineStart[i] > offset }) - 1
}

// lineEnd returns the offset of the end of line's content, before its terminator.
func (m *Mapper) lineEnd(line int) int {
	if line+1 >= len(m.lineStart) {
		return len(m.content)
	}
	end := m.lineStart[line+1]
	if end > 0 && m.content[end-1] == '\n' {
		end--
	}
	if end > m.lineStart[line] && m.content[end-1] == '\r' {
		end--
	}
	return end
}

// clampOffset keeps offset inside [0, len(content)] and, when it points into
// the middle of a valid UTF-8 sequence, moves it back to that sequence's start.
// Bytes of an invalid sequence each stand alone, as utf8.DecodeRune sees them.
func (m *Mapper) clampOffset(offset int) int {
	if offset <= 0 {
		return 0
	}
	if offset >= len(m.content) {
		return len(m.content)
	}
	if utf8.RuneStart(m.content[offset]) {
		return offset
	}
	for p := offset - 1; p >= 0 && p > offset-utf8.UTFMax; p-- {
		if utf8.RuneStart(m.content[p]) {
			if _, size := utf8.DecodeRune(m.content[p:]); p+size > offset {
				return p
			}
			break
		}
	}
	return offset
}

// OffsetPosition converts a byte offset to an LSP position.
func (m *Mapper) OffsetPosition(offset int) protocol.Position {
	offset = m.clampOffset(offset)
	line := m.lineOf(offset)
	start := m.lineStart[line]
	if end := m.lineEnd(line); offset > end {
		// An offset inside a "\r\n" terminator belongs to the end of the line.
		offset = end
	}
	if m.ascii[line] {
		return protocol.Position{Line: uint32(line), Character: uint32(offset - start)}
	}
	units := 0
	for i := start; i < offset; {
		r, size := utf8.DecodeRune(m.content[i:])
		if i+size > offset {
			// offset is inside an invalid or truncated sequence: stop before it.
			break
		}
		units += utf16Len(r)
		i += size
	}
	return protocol.Position{Line: uint32(line), Character: uint32(units)}
}

// PositionOffset converts an LSP position to a byte offset, clamping as the
// file comment describes.
func (m *Mapper) PositionOffset(pos protocol.Position) int {
	line := int(pos.Line)
	if line >= len(m.lineStart) {
		return len(m.content)
	}
	start, end := m.lineStart[line], m.lineEnd(line)
	want := int(pos.Character)
	if m.ascii[line] {
		if want > end-start {
			return end
		}
		return start + want
	}
	units := 0
	for i := start; i < end; {
		r, size := utf8.DecodeRune(m.content[i:end])
		n := utf16Len(r)
		if units+n > want {
			// want points inside this character (e.g. between the two halves
			// of a surrogate pair): round down to its start.
			return i
		}
		units += n
		i += size
	}
	return end
}

// SpanRange converts the byte span [start, end) to an LSP range.
func (m *Mapper) SpanRange(start, end int) protocol.Range {
	if end < start {
		end = start
	}
	return protocol.Range{Start: m.OffsetPosition(start), End: m.OffsetPosition(end)}
}

// RangeSpan converts an LSP range to a byte span; a reversed range is
// normalised so that start <= end.
func (m *Mapper) RangeSpan(r protocol.Range) (start, end int) {
	start, end = m.PositionOffset(r.Start), m.PositionOffset(r.End)
	if end < start {
		start, end = end, start
	}
	return start, end
}

// utf16Len is the number of UTF-16 code units that encode r; invalid input
// (utf8.RuneError) is one replacement character.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
