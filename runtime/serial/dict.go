package serial

import "unsafe"

// strDict is the encoder's side of a string dictionary (the dict option):
// the index of each string. Keys are looked up once per hash key written,
// so most of them cost one string comparison instead of a map lookup: a
// small hash of the length and the first and last byte names the only
// entry that can match.
type strDict struct {
	index   map[string]int
	entries []dictEntry
	// slots[h] is 0 when no entry has hash h, j+1 when only entries[j]
	// has it, -1 when several have it (then index decides).
	slots [64]int32
}

type dictEntry struct {
	s   string
	idx int
}

// add maps s to idx unless s is already there (the first occurrence
// wins, as in LuaJIT); idx must not be negative.
func (x *strDict) add(s string, idx int) {
	if _, dup := x.index[s]; dup {
		return
	}
	if x.index == nil {
		x.index = map[string]int{}
	}
	x.index[s] = idx
	x.entries = append(x.entries, dictEntry{s, idx})
	switch h := slotOf(s); x.slots[h] {
	case 0:
		x.slots[h] = int32(len(x.entries))
	default:
		x.slots[h] = -1
	}
}

func slotOf(s string) int {
	if len(s) == 0 {
		return 0
	}
	return slotHash(len(s), s[0], s[len(s)-1])
}

// slotHash is the hash of a non-empty string of length n with the given
// first and last bytes, in 0..63.
func slotHash(n int, first, last byte) int {
	return (n*7 + int(first)*3 + int(last)) & 63
}

// lookup returns the index of s, or -1 (always -1 on a nil *strDict).
func (x *strDict) lookup(s string) int {
	if x == nil {
		return -1
	}
	switch j := x.slots[slotOf(s)]; {
	case j == 0:
		return -1
	case j > 0:
		// Keys that come from the same string constant as the dictionary
		// entry share its bytes; comparing the pointers first spares the
		// call that compares bytes.
		if e := &x.entries[j-1]; len(e.s) == len(s) && (unsafe.StringData(e.s) == unsafe.StringData(s) || e.s == s) {
			return e.idx
		}
		return -1
	}
	if i, ok := x.index[s]; ok {
		return i
	}
	return -1
}
