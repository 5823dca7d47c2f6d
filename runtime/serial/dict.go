package serial

import "unsafe"

// strDict is the encoder's side of a string dictionary (the dict option):
// the index of each string. Keys are looked up once per hash key written,
// so most of them cost one string comparison instead of a map lookup: a
// small hash of the length and the first and last byte names the only
// entry that can match.
type strDict struct {
	index map[string]int
	slots [64]dictSlot
}

// dictSlot holds the one entry whose hash is the slot's (n = its index +
// 1), or none (n = 0), or says that several entries share the hash (n =
// -1; then index decides).
type dictSlot struct {
	s string
	n int
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
	switch e := &x.slots[slotOf(s)]; e.n {
	case 0:
		*e = dictSlot{s, idx + 1}
	default:
		*e = dictSlot{n: -1}
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
	switch e := &x.slots[slotOf(s)]; {
	case e.n == 0:
		return -1
	case e.n > 0:
		// Keys that come from the same string constant as the entry
		// share its bytes; comparing the pointers first spares the call
		// that compares bytes.
		if len(e.s) == len(s) && (unsafe.StringData(e.s) == unsafe.StringData(s) || e.s == s) {
			return e.n - 1
		}
		return -1
	}
	if i, ok := x.index[s]; ok {
		return i
	}
	return -1
}
