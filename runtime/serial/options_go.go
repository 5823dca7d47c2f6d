package serial

// Option configures an Encoder or a Decoder of the Go API.
type Option func(*config)

type config struct {
	dict      []string
	dictIndex map[string]int
	sortKeys  bool
}

// WithDict sets the string dictionary, the Go counterpart of string.buffer's
// dict option: hash keys found in it are encoded as their index, and index
// references are decoded back to the string. Both sides must use the same
// list. The first occurrence of a duplicate wins when encoding.
func WithDict(keys ...string) Option {
	return func(c *config) {
		c.dict = append([]string(nil), keys...)
		c.dictIndex = make(map[string]int, len(keys))
		for i, k := range keys {
			if _, dup := c.dictIndex[k]; !dup {
				c.dictIndex[k] = i
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

func newConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	return c
}
