package syntax

import "testing"

// TestKeyword checks the hashed keyword lookup against the kinds' own
// spellings: every reserved word maps to its kind, and names that share a
// hash slot's length, first or last byte with one (prefixes, suffixes,
// other cases, one letter changed) stay names.
func TestKeyword(t *testing.T) {
	for k := keywordStart + 1; k < keywordEnd; k++ {
		w := k.String()
		if got := keyword([]byte(w)); got != k {
			t.Errorf("keyword(%q) = %v, want %v", w, got, k)
		}
		variants := []string{w[:len(w)-1], w + "s", "_" + w, string(w[0]-0x20) + w[1:]}
		for i := 1; i < len(w)-1; i++ {
			variants = append(variants, w[:i]+"x"+w[i+1:])
		}
		for _, v := range variants {
			if got := keyword([]byte(v)); got != TName {
				t.Errorf("keyword(%q) = %v, want a name", v, got)
			}
		}
	}
	for _, s := range []string{"", "a", "x", "functions", "goto_", "elsif", "ned", "dne", "nd"} {
		if got := keyword([]byte(s)); got != TName {
			t.Errorf("keyword(%q) = %v, want a name", s, got)
		}
	}
}
