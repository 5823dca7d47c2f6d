package serial

// Tables of the Go API: slices become arrays, maps become hash or mixed
// tables laid out as LuaJIT lays out a Lua table with the same content.

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// array writes a slice as a 1-based array: Lua index i+1 holds x[i], and nil
// elements become holes.
func (e *goEncoder) array(b []byte, x []any) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	if len(x) == 0 {
		e.depth--
		return append(b, tagTabEmpty), nil
	}
	b = appendU(append(b, tagTabArr1), uint32(len(x)+1))
	var err error
	for _, v := range x {
		// Arrays of numbers and short strings are common enough for a
		// fast path.
		if f, ok := v.(float64); ok {
			b = appendNum(b, f)
			continue
		}
		if s, ok := v.(string); ok && len(s) < 0xe0-tagStr {
			b = appendShortStr(b, s)
			continue
		}
		if b, err = e.value(b, v); err != nil {
			return b, err
		}
	}
	e.depth--
	return b, nil
}

// floatArray writes a []float64 as array does the same numbers in a []any.
func (e *goEncoder) floatArray(b []byte, x []float64) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	e.depth--
	if len(x) == 0 {
		return append(b, tagTabEmpty), nil
	}
	b = slices.Grow(appendU(append(b, tagTabArr1), uint32(len(x)+1)), 9*len(x))
	for _, f := range x {
		b = appendNum(b, f)
	}
	return b, nil
}

func (e *goEncoder) strMap(b []byte, m map[string]any) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	if len(m) == 0 || len(m) >= 0xe0 || e.cfg.sortKeys {
		return e.strMapTwoPass(b, m)
	}
	// The count of non-nil values fits the one-byte prefix form, so reserve
	// that byte and fill it in afterwards: one pass over the map.
	start := len(b)
	b = append(b, tagTabHash, 0)
	n := 0
	var err error
	for k, v := range m {
		if v == nil {
			continue
		}
		n++
		i := -1
		if e.cfg.dict != nil {
			i = e.cfg.keys.lookup(k)
		}
		switch {
		case i >= 0:
			b = appendU(append(b, tagDictStr), uint32(i))
		case len(k) < 0xe0-tagStr:
			b = appendShortStr(b, k)
		default:
			if b, err = e.str(b, k); err != nil {
				return b, err
			}
		}
		// Inline the most common values; everything else goes through
		// value.
		switch x := v.(type) {
		case string:
			if len(x) < 0xe0-tagStr {
				b = appendShortStr(b, x)
				continue
			}
		case float64:
			b = appendNum(b, x)
			continue
		case bool:
			if x {
				b = append(b, tagTrue)
			} else {
				b = append(b, tagFalse)
			}
			continue
		case []any:
			if b, err = e.array(b, x); err != nil {
				return b, err
			}
			continue
		}
		if b, err = e.value(b, v); err != nil {
			return b, err
		}
	}
	e.depth--
	if n == 0 {
		return append(b[:start], tagTabEmpty), nil
	}
	b[start+1] = byte(n)
	return b, nil
}

// strMapTwoPass counts the non-nil values first; it serves big maps, whose
// count may need a longer prefix, and sorted output.
func (e *goEncoder) strMapTwoPass(b []byte, m map[string]any) ([]byte, error) {
	n := 0
	for _, v := range m {
		if v != nil {
			n++
		}
	}
	if n == 0 {
		e.depth--
		return append(b, tagTabEmpty), nil
	}
	b = appendU(append(b, tagTabHash), uint32(n))
	var err error
	if e.cfg.sortKeys {
		keys := make([]string, 0, len(m))
		for k, v := range m {
			if v != nil {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			if b, err = e.strKey(b, k); err != nil {
				return b, err
			}
			if b, err = e.value(b, m[k]); err != nil {
				return b, err
			}
		}
	} else {
		for k, v := range m {
			if v == nil {
				continue
			}
			if b, err = e.strKey(b, k); err != nil {
				return b, err
			}
			if b, err = e.value(b, v); err != nil {
				return b, err
			}
		}
	}
	e.depth--
	return b, nil
}

// anyMap writes a map[any]any like LuaJIT writes a table of the same
// content: float64 keys 1..n (and 0) with non-nil values form the array part,
// everything else the hash part.
func (e *goEncoder) anyMap(b []byte, m map[any]any) ([]byte, error) {
	if err := e.enter(); err != nil {
		return b, err
	}
	total := 0
	for _, v := range m {
		if v != nil {
			total++
		}
	}
	if total == 0 {
		e.depth--
		return append(b, tagTabEmpty), nil
	}
	n := 0
	for n < total {
		if v, ok := m[float64(n+1)]; !ok || v == nil {
			break
		}
		n++
	}
	v0, has0 := m[float64(0)]
	has0 = has0 && v0 != nil
	inArray := n
	if has0 {
		inArray++
	}
	nhash := total - inArray
	b = appendTableHeader(b, n, has0, nhash)
	var err error
	if has0 {
		if b, err = e.value(b, v0); err != nil {
			return b, err
		}
	}
	for i := 1; i <= n; i++ {
		if b, err = e.value(b, m[float64(i)]); err != nil {
			return b, err
		}
	}
	if nhash > 0 {
		isArrayKey := func(k any) bool {
			f, ok := k.(float64)
			return ok && f == math.Trunc(f) && f <= float64(n) && (f >= 1 || (f == 0 && has0))
		}
		keys := make([]any, 0, nhash)
		for k, v := range m {
			if v != nil && !isArrayKey(k) {
				keys = append(keys, k)
			}
		}
		if e.cfg.sortKeys {
			slices.SortFunc(keys, compareKeys)
		}
		for _, k := range keys {
			if b, err = e.key(b, k); err != nil {
				return b, err
			}
			if b, err = e.value(b, m[k]); err != nil {
				return b, err
			}
		}
	}
	e.depth--
	return b, nil
}

// compareKeys orders map keys for WithSortedKeys: strings first, then
// numbers, then everything else by its printed form.
func compareKeys(a, b any) int {
	sa, aok := a.(string)
	sb, bok := b.(string)
	switch {
	case aok && bok:
		return strings.Compare(sa, sb)
	case aok:
		return -1
	case bok:
		return 1
	}
	fa, aok := a.(float64)
	fb, bok := b.(float64)
	switch {
	case aok && bok:
		if fa < fb {
			return -1
		} else if fa > fb {
			return 1
		}
		return 0
	case aok:
		return -1
	case bok:
		return 1
	}
	return strings.Compare(fmt.Sprintf("%T%v", a, a), fmt.Sprintf("%T%v", b, b))
}
