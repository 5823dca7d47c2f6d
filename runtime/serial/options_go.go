package serial

// Option configures an Encoder or a Decoder of the Go API.
type Option func(*config)

type config struct {
	dict     []string // for decoding; nil without WithDict
	keys     strDict  // for encoding
	sortKeys bool
	floats   bool
	strict   bool
}

// WithDict sets the string dictionary, the Go counterpart of string.buffer's
// dict option: hash keys found in it are encoded as their index, and index
// references are decoded back to the string. Both sides must use the same
// list. The first occurrence of a duplicate wins when encoding.
func WithDict(keys ...string) Option {
	return func(c *config) {
		c.dict = append([]string(nil), keys...)
		c.keys = strDict{}
		for i, k := range keys {
			c.keys.add(k, i)
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

// WithUnknownKeysError makes UnmarshalInto and DecodeInto fail on a table
// key that the destination struct has no field for (including array
// elements); without it such keys are skipped.
func WithUnknownKeysError() Option {
	return func(c *config) { c.strict = true }
}

func newConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	return c
}
