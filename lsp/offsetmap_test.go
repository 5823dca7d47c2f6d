package lsp

import (
	"math/rand/v2"
	"testing"
)

// TestOffsetMapRoundTrip applies random edits to random texts and checks
// that every byte the edits left alone maps to the same byte in the other
// text and back, and that bytes they replaced have no counterpart.
func TestOffsetMapRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for iter := 0; iter < 2000; iter++ {
		base := randomText(r, r.IntN(40))
		// kept[i] is the base offset of cur[i], or -1 for new bytes.
		cur := append([]byte(nil), base...)
		kept := make([]int, len(base))
		for i := range kept {
			kept[i] = i
		}
		m := &offsetMap{}
		for range 1 + r.IntN(4) {
			s := r.IntN(len(cur) + 1)
			e := s + r.IntN(len(cur)-s+1)
			ins := randomText(r, r.IntN(4))
			m.edits = append(m.edits, textEdit{start: s, end: e, newLen: len(ins)})
			cur = append(append(append([]byte(nil), cur[:s]...), ins...), cur[e:]...)
			nk := append([]int(nil), kept[:s]...)
			for range ins {
				nk = append(nk, -1)
			}
			kept = append(nk, kept[e:]...)
		}
		for i, p := range kept {
			bs, be, ok := m.toBaseSpan(i, i+1)
			if p < 0 {
				if ok {
					t.Fatalf("iter %d: new byte %d mapped to %d..%d; edits %v", iter, i, bs, be, m.edits)
				}
				continue
			}
			if !ok || bs != p || be != p+1 {
				t.Fatalf("iter %d: kept byte %d (base %d) maps to %d..%d ok=%v; edits %v", iter, i, p, bs, be, ok, m.edits)
			}
			cs, ce, ok := m.fromBaseSpan(p, p+1)
			if !ok || cs != i || ce != i+1 {
				t.Fatalf("iter %d: base byte %d maps back to %d..%d ok=%v, want %d", iter, p, cs, ce, ok, i)
			}
		}
	}
}

func TestMinimalEdit(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"", ""}, {"abc", "abc"}, {"abc", "abXc"}, {"abc", "ac"}, {"aaa", "aa"}, {"", "xy"}, {"xy", ""}, {"abcabc", "abc"},
	} {
		e := minimalEdit([]byte(c.a), []byte(c.b))
		got := c.a[:e.start] + c.b[e.start:e.start+e.newLen] + c.a[e.end:]
		if got != c.b || e.start > e.end || e.end > len(c.a) {
			t.Errorf("minimalEdit(%q, %q) = %+v gives %q", c.a, c.b, e, got)
		}
	}
}

func randomText(r *rand.Rand, n int) []byte {
	out := make([]byte, n)
	for i := range out {
		out[i] = "ab\n"[r.IntN(3)]
	}
	return out
}
