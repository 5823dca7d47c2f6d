package syntax

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// LineTable maps byte offsets to lines and columns and back. Lines end at
// "\n", "\r\n" or a lone "\r", as in the language server protocol.
type LineTable struct {
	src   []byte
	start []int // byte offset where each line starts; start[0] == 0
}

// NewLineTable indexes the line starts of src.
func NewLineTable(src []byte) *LineTable {
	starts := make([]int, 1, len(src)/32+1)
	if bytes.IndexByte(src, '\r') < 0 {
		// The common case: only "\n" ends lines, and IndexByte finds them
		// many bytes at a time.
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
		return &LineTable{src: src, start: starts}
	}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &LineTable{src: src, start: starts}
}

// LineCount is the number of lines (an empty source has one line).
func (t *LineTable) LineCount() int { return len(t.start) }

func (t *LineTable) clamp(off int) int {
	if off < 0 {
		return 0
	}
	if off > len(t.src) {
		return len(t.src)
	}
	return off
}

// Line returns the 1-based line that holds off.
func (t *LineTable) Line(off int) int {
	off = t.clamp(off)
	return sort.Search(len(t.start), func(i int) bool { return t.start[i] > off })
}

// Position returns the 1-based line and 1-based column (in bytes) of off.
// Offsets outside the source are clamped to it.
func (t *LineTable) Position(off int) (line, col int) {
	off = t.clamp(off)
	line = t.Line(off)
	return line, off - t.start[line-1] + 1
}

// LineStart returns the byte offset of a 1-based line, clamped to the
// first and last line.
func (t *LineTable) LineStart(line int) int {
	if line < 1 {
		return 0
	}
	if line > len(t.start) {
		return t.start[len(t.start)-1]
	}
	return t.start[line-1]
}

// LineEnd returns the offset of the end of a 1-based line, before its
// line terminator.
func (t *LineTable) LineEnd(line int) int {
	if line < 1 {
		line = 1
	}
	if line >= len(t.start) {
		return len(t.src)
	}
	end := t.start[line]
	if end > 0 && t.src[end-1] == '\n' {
		end--
	}
	if end > 0 && t.src[end-1] == '\r' {
		end--
	}
	return end
}

// UTF16Col returns the 0-based column of off in UTF-16 code units, the unit
// of LSP positions. Invalid UTF-8 bytes count as one unit each.
func (t *LineTable) UTF16Col(off int) int {
	off = t.clamp(off)
	line := t.Line(off)
	col := 0
	for i := t.start[line-1]; i < off; {
		c := t.src[i]
		if c < utf8.RuneSelf {
			col++
			i++
			continue
		}
		r, size := utf8.DecodeRune(t.src[i:off])
		if r >= 0x10000 {
			col += 2
		} else {
			col++
		}
		i += size
	}
	return col
}

// OffsetUTF16 returns the byte offset of a 1-based line and a 0-based UTF-16
// column; a column past the end of the line gives the end of the line.
func (t *LineTable) OffsetUTF16(line, col16 int) int {
	start, end := t.LineStart(line), t.LineEnd(line)
	i, col := start, 0
	for i < end && col < col16 {
		r, size := utf8.DecodeRune(t.src[i:end])
		if r >= 0x10000 {
			col += 2
		} else {
			col++
		}
		i += size
	}
	return i
}

// Offset returns the byte offset of a 1-based line and 1-based byte column,
// clamped to the line.
func (t *LineTable) Offset(line, col int) int {
	start, end := t.LineStart(line), t.LineEnd(line)
	off := start + col - 1
	if off < start {
		return start
	}
	if off > end {
		return end
	}
	return off
}
