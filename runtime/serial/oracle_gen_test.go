package serial

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// depthCases decodes 99..102 nested tables, through values and through keys.
func depthCases() []*oracleCase {
	var cases []*oracleCase
	for n := 99; n <= 102; n++ {
		nested := strings.Repeat("0c02", n-1) + "08"
		keyed := strings.Repeat("090108", 0)
		k := "08"
		for range n - 1 {
			k = "0901" + k + "02" // {[k] = true}
		}
		keyed += k
		cases = append(cases,
			&oracleCase{kind: "decode", name: fmt.Sprintf("depth-%d", n), arg: nested},
			&oracleCase{kind: "decode", name: fmt.Sprintf("depth-key-%d", n), arg: keyed},
		)
	}
	return cases
}

// randomEncodeCase returns a case whose Lua expression builds a random
// value. Tables are built only in ways whose LuaJIT layout is canonical;
// a value with a table of two or more hash keys anywhere is a "same" case,
// otherwise a "bytes" case.
func randomEncodeCase(r *rand.Rand, i int) *oracleCase {
	g := luaGen{r: r}
	expr, det := g.value(0)
	kind := "same"
	if det {
		kind = "bytes"
	}
	return &oracleCase{kind: kind, name: fmt.Sprintf("random-%d", i), arg: expr}
}

type luaGen struct{ r *rand.Rand }

func (g *luaGen) value(depth int) (string, bool) {
	n := 6
	if depth < 4 {
		n = 8
	}
	switch g.r.IntN(n) {
	case 0:
		return []string{"true", "false"}[g.r.IntN(2)], true
	case 1, 2:
		return luaNumber(g.number()), true
	case 3, 4, 5:
		return luaString(g.str()), true
	default:
		return g.table(depth + 1)
	}
}

var interestingNumbers = []float64{
	0, 1, -1, 0.5, -0.5, 255, 256, 65535, 65536, 1 << 31, 1<<31 - 1, -(1 << 31), -(1 << 31) - 1,
	1 << 32, 1<<32 - 1, 1 << 53, 1<<53 + 2, -(1 << 53), 1e15, 1e16, 1e300, -1e300, 5e-324, 2.2250738585072014e-308,
	math.Inf(1), math.Inf(-1), math.Copysign(0, -1), math.Pi, 1.0 / 3,
}

func (g *luaGen) number() float64 {
	switch g.r.IntN(4) {
	case 0:
		return interestingNumbers[g.r.IntN(len(interestingNumbers))]
	case 1:
		return float64(g.r.IntN(2000) - 1000)
	case 2:
		return math.Float64frombits(g.r.Uint64())
	default:
		return (g.r.Float64() - 0.5) * math.Pow(10, float64(g.r.IntN(40)-20))
	}
}

func luaNumber(f float64) string {
	switch {
	case f != f:
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "(-inf)"
	case f == 0 && math.Signbit(f):
		return "negzero"
	case f < 0:
		return "(" + strconv.FormatFloat(f, 'g', -1, 64) + ")"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func (g *luaGen) str() string {
	var n int
	switch g.r.IntN(10) {
	case 0:
		n = 150 + g.r.IntN(200) // crosses the one-byte length prefix
	case 1:
		n = 0
	default:
		n = g.r.IntN(20)
	}
	b := make([]byte, n)
	for i := range b {
		if g.r.IntN(4) == 0 {
			b[i] = byte(g.r.IntN(256))
		} else {
			b[i] = "abcdefghijklmnopqrstuvwxyz"[g.r.IntN(26)]
		}
	}
	return string(b)
}

// luaString quotes s with decimal escapes, which both Lua dialects read.
func luaString(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' {
			sb.WriteByte(c)
		} else {
			fmt.Fprintf(&sb, "\\%03d", c)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

func (g *luaGen) table(depth int) (string, bool) {
	det := true
	var parts []string
	npos := g.r.IntN(6)
	if g.r.IntN(3) == 0 {
		npos = 0
	}
	for range npos {
		v, d := g.value(depth)
		det = det && d
		parts = append(parts, v)
	}
	nhash := g.r.IntN(5)
	seen := map[string]bool{}
	for range nhash {
		var key string
		switch g.r.IntN(6) {
		case 0:
			key = luaNumber(float64(g.r.IntN(100)) + 0.5)
		case 1:
			key = luaNumber(float64(100 + g.r.IntN(1000)))
		case 2:
			key = luaNumber(float64(-1 - g.r.IntN(100)))
		case 3:
			key = []string{"true", "false"}[g.r.IntN(2)]
		default:
			key = luaString(g.str())
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		v, d := g.value(depth)
		det = det && d
		parts = append(parts, "["+key+"]="+v)
	}
	if len(seen) > 1 {
		det = false
	}
	return "{" + strings.Join(parts, ", ") + "}", det
}

// randomDecodeCase encodes a random Go value, including the boxed FFI
// types, and sometimes damages the bytes, so that both decoders must agree
// on the value or on the error.
func randomDecodeCase(r *rand.Rand, i int) *oracleCase {
	g := goGen{r: r}
	b, err := Marshal(g.value(0))
	if err != nil {
		panic(err) // the generator only builds encodable values
	}
	name := fmt.Sprintf("random-go-%d", i)
	if r.IntN(2) == 0 {
		b = mutate(r, b)
		name += "-mutated"
	}
	return &oracleCase{kind: "decode", name: name, arg: hex.EncodeToString(b)}
}

func mutate(r *rand.Rand, b []byte) []byte {
	b = append([]byte(nil), b...)
	switch r.IntN(4) {
	case 0:
		if len(b) > 0 {
			b = b[:r.IntN(len(b))]
		}
	case 1:
		if len(b) > 0 {
			b[r.IntN(len(b))] = byte(r.IntN(256))
		}
	case 2:
		if len(b) > 0 {
			b[r.IntN(len(b))] = []byte{0x00, 0x08, 0x0e, 0x0f, 0x13, 0x20, 0xe0, 0xff}[r.IntN(8)]
		}
	default:
		b = append(b, byte(r.IntN(256)))
	}
	return b
}

type goGen struct{ r *rand.Rand }

func (g *goGen) value(depth int) any {
	n := 9
	if depth > 3 {
		n = 7
	}
	switch g.r.IntN(n) {
	case 0:
		return g.r.IntN(2) == 0
	case 1:
		return g.number()
	case 2:
		return fmt.Sprint("s", g.r.IntN(1000))
	case 3:
		switch g.r.IntN(4) {
		case 0:
			return Int64(g.r.Uint64())
		case 1:
			return Uint64(g.r.Uint64())
		case 2:
			return Complex(complex(g.number(), g.number()))
		default:
			return LightUserdata(g.r.Uint64() >> (g.r.IntN(2) * 32))
		}
	case 4:
		return nil
	case 5, 6:
		return strings.Repeat("x", g.r.IntN(300))
	case 7:
		xs := make([]any, g.r.IntN(5))
		for i := range xs {
			xs[i] = g.value(depth + 1)
		}
		return xs
	default:
		m := map[any]any{}
		for range g.r.IntN(5) {
			switch g.r.IntN(3) {
			case 0:
				m[fmt.Sprint("k", g.r.IntN(10))] = g.value(depth + 1)
			case 1:
				m[float64(g.r.IntN(6))] = g.value(depth + 1)
			default:
				m[Int64(g.r.IntN(3))] = g.value(depth + 1)
			}
		}
		return m
	}
}

func (g *goGen) number() float64 {
	lg := luaGen{r: g.r}
	f := lg.number()
	if f != f {
		return 0
	}
	return f
}
