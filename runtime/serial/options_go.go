package serial

import "unsafe"

// Option configures an Encoder or a Decoder of the Go API.
type Option func(*config)

type config struct {
	dict      []string
	dictIndex map[string]int
	sortKeys  bool
	floats    bool
	// slots is a small hash of the dictionary keyed by length and first
	// and last byte: 0 means no key has that hash, i+1 means only dict[i]
	// has it, -1 means several keys share it (then dictIndex decides).
	slots [64]int32
}

// WithDict sets the string dictionary, the Go counterpart of string.buffer's
// dict option: hash keys found in it are encoded as their index, and index
// references are decoded back to the string. Both sides must use the same
// list. The first occurrence of a duplicate wins when encoding.
func WithDict(keys ...string) Option {
	return func(c *config) {
		c.dict = append([]string(nil), keys...)
		c.dictIndex = make(map[string]int, len(keys))
		c.slots = [64]int32{}
		for i, k := range keys {
			if _, dup := c.dictIndex[k]; dup {
				continue
			}
			c.dictIndex[k] = i
			switch h := slotOf(k); c.slots[h] {
			case 0:
				c.slots[h] = int32(i + 1)
			default:
				c.slots[h] = -1
			}
		}
	}
}

// WithSortedKeys makes the encoder write the keys of Go maps in a fixed
// order (strings before other keys, each sorted), so that equal values always
// produce equal bytes. It costs a sort per map.
func WithSortedKeys() Option {
	return func(c *config) { c.sortKeys = true }
}

// WithFloat64Slices makes the decoder return arrays whose elements are all
// numbers as []float64 instead of []any. Such a slice holds the numbers
// inline, as a LuaJIT table does, so decoding allocates one block per array
// instead of boxing every number, and the garbage collector has no pointers
// to follow. Arrays with any other element (or a hole) stay []any. The
// encoder writes []float64 like the equivalent []any either way.
func WithFloat64Slices() Option {
	return func(c *config) { c.floats = true }
}

func slotOf(s string) int {
	if len(s) == 0 {
		return 0
	}
	return (len(s)*7 + int(s[0])*3 + int(s[len(s)-1])) & 63
}

// lookup returns the dictionary index of s, or -1. Most keys cost one
// string comparison.
func (c *config) lookup(s string) int {
	switch i := c.slots[slotOf(s)]; {
	case i == 0:
		return -1
	case i > 0:
		// Keys that come from the same string constant as the dictionary
		// entry share its bytes; comparing the pointers first spares the
		// call that compares bytes.
		if d := c.dict[i-1]; len(d) == len(s) && (unsafe.StringData(d) == unsafe.StringData(s) || d == s) {
			return int(i - 1)
		}
		return -1
	}
	if i, ok := c.dictIndex[s]; ok {
		return i
	}
	return -1
}

func newConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	return c
}
