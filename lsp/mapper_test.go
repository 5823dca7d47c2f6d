package lsp

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

func TestMapperOffsetPosition(t *testing.T) {
	tests := []struct {
		name   string
		give   string
		offset int
		want   protocol.Position
	}{
		{"start", "abc", 0, pos(0, 0)},
		{"ascii", "abc\ndef", 5, pos(1, 1)},
		{"end of text", "abc\ndef", 7, pos(1, 3)},
		{"past end clamps", "abc", 99, pos(0, 3)},
		{"negative clamps", "abc", -4, pos(0, 0)},
		{"two-byte rune", "é=1", 2, pos(0, 1)},
		{"inside two-byte rune rounds down", "é=1", 1, pos(0, 0)},
		{"astral rune counts twice", "😀x", 4, pos(0, 2)},
		{"after astral rune", "😀x", 5, pos(0, 3)},
		{"three-byte rune", "€€", 6, pos(0, 2)},
		{"crlf line", "a\r\nb", 3, pos(1, 0)},
		{"inside crlf", "a\r\nb", 2, pos(0, 1)},
		{"lone cr", "a\rb", 2, pos(1, 0)},
		{"invalid byte counts once", "\xffa", 1, pos(0, 1)},
		{"truncated sequence", "\xe2\x82a", 2, pos(0, 2)},
		{"empty text", "", 0, pos(0, 0)},
		{"trailing newline", "a\n", 2, pos(1, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewMapper([]byte(tt.give)).OffsetPosition(tt.offset)
			if got != tt.want {
				t.Errorf("OffsetPosition(%q, %d) = %v, want %v", tt.give, tt.offset, got, tt.want)
			}
		})
	}
}

func TestMapperPositionOffset(t *testing.T) {
	tests := []struct {
		name string
		give string
		pos  protocol.Position
		want int
	}{
		{"ascii", "abc\ndef", pos(1, 1), 5},
		{"past line end clamps to line end", "abc\ndef", pos(0, 40), 3},
		{"past line end before crlf", "abc\r\ndef", pos(0, 40), 3},
		{"past last line clamps to end", "abc\ndef", pos(7, 0), 7},
		{"multi-byte", "é=1", pos(0, 1), 2},
		{"astral", "😀x", pos(0, 2), 4},
		{"inside surrogate pair rounds down", "😀x", pos(0, 1), 0},
		{"invalid bytes", "\xff\xfeab", pos(0, 3), 3},
		{"lone cr", "a\rb", pos(1, 1), 3},
		{"unicode line past end", "é\nx", pos(0, 9), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NewMapper([]byte(tt.give)).PositionOffset(tt.pos)
			if got != tt.want {
				t.Errorf("PositionOffset(%q, %v) = %d, want %d", tt.give, tt.pos, got, tt.want)
			}
		})
	}
}

// referencePosition computes a position the slow, obvious way: count line
// terminators, then encode the line's prefix to UTF-16.
func referencePosition(src []byte, offset int) protocol.Position {
	line, start := 0, 0
	for i := 0; i < offset; i++ {
		if src[i] == '\n' || (src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n')) {
			line++
			start = i + 1
		}
	}
	prefix := src[start:offset]
	if len(prefix) > 0 && prefix[len(prefix)-1] == '\r' {
		prefix = prefix[:len(prefix)-1]
	}
	return protocol.Position{Line: uint32(line), Character: uint32(len(utf16.Encode([]rune(string(prefix)))))}
}

func FuzzMapper(f *testing.F) {
	for _, s := range []string{"", "abc\ndef", "é😀\r\nx\ry", "\xff\xe2\x82\n€", "local s = '日本'\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m := NewMapper(src)
		for off := 0; off <= len(src); off++ {
			// Only offsets at the boundaries of decoded characters have a
			// position of their own; others round down and are covered by the
			// table tests.
			if !boundary(src, off) {
				continue
			}
			got := m.OffsetPosition(off)
			if want := referencePosition(src, off); got != want {
				t.Fatalf("OffsetPosition(%q, %d) = %v, want %v", src, off, got, want)
			}
			if back := m.PositionOffset(got); back != off && !(off > 0 && src[off-1] == '\r' && off < len(src) && src[off] == '\n') {
				t.Fatalf("PositionOffset(OffsetPosition(%d)) = %d in %q", off, back, src)
			}
		}
		// Positions past the end of any line must clamp, never panic.
		for line := uint32(0); line <= uint32(m.LineCount()); line++ {
			_ = m.PositionOffset(protocol.Position{Line: line, Character: 1 << 20})
		}
	})
}

// boundary reports whether off starts a character as utf8.DecodeRune walks src.
func boundary(src []byte, off int) bool {
	for i := 0; i < len(src); {
		if i == off {
			return true
		}
		if i > off {
			return false
		}
		_, size := utf8.DecodeRune(src[i:])
		i += size
	}
	return off == len(src)
}

func pos(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }
