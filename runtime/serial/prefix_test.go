package serial

import (
	"encoding/hex"
	"testing"
)

// The expected bytes are LuaJIT's, from the reference notes (string tag
// boundaries and dictionary indexes).
func TestPrefixEncoding(t *testing.T) {
	tests := []struct {
		give uint32
		want string
	}{
		{0, "00"},
		{0xdf, "df"},
		{0xe0, "e000"},
		{0xe1, "e001"},
		{0xe0 + 191, "e0bf"},
		{0x1fdf, "feff"},
		{0x1fe0, "ffe01f0000"},
		{65535 + 0x20, "ff1f000100"},
		{0xffffffff, "ffffffffff"},
	}
	for _, tt := range tests {
		got := hex.EncodeToString(appendU(nil, tt.give))
		if got != tt.want {
			t.Errorf("appendU(%#x) = %s, want %s", tt.give, got, tt.want)
		}
		b, _ := hex.DecodeString(tt.want)
		n, next, ok := readU(b, 0)
		if !ok || n != tt.give || next != len(b) {
			t.Errorf("readU(%s) = %#x, %d, %v; want %#x, %d, true", tt.want, n, next, ok, tt.give, len(b))
		}
		if _, _, ok := readU(b[:len(b)-1], 0); ok {
			t.Errorf("readU(%s truncated) succeeded", tt.want)
		}
	}
}

// Non-canonical (longer than needed) forms decode too, as in LuaJIT.
func TestPrefixNonCanonical(t *testing.T) {
	b, _ := hex.DecodeString("ff21000000")
	if n, _, ok := readU(b, 0); !ok || n != 0x21 {
		t.Fatalf("readU(ff21000000) = %#x, %v", n, ok)
	}
}

func TestStringTagBoundaries(t *testing.T) {
	tests := []struct {
		len  int
		want string
	}{
		{0, "20"}, {191, "df"}, {192, "e000"}, {193, "e001"}, {8127, "feff"}, {8128, "ffe01f0000"}, {65535, "ff1f000100"},
	}
	for _, tt := range tests {
		s := make([]byte, tt.len)
		got := appendStr(nil, string(s))
		head := hex.EncodeToString(got[:len(got)-tt.len])
		if head != tt.want {
			t.Errorf("string of %d bytes: tag %s, want %s", tt.len, head, tt.want)
		}
	}
}
