package luau

import (
	"math"
	"testing"
)

// The conversions are the x86-64 results of Luau's C casts. The real luau
// is the authority: testdata/runtime/luau-run/conversions.luau runs these
// inputs (and those of TestParseNumber and TestFormatNumber) through the
// buffer library under buflsp and under luau (internal/difftest); these
// tables keep the Go functions checked without the oracle.
func TestToI32(t *testing.T) {
	tests := []struct {
		give float64
		want int32
	}{
		{0, 0}, {-0.5, 0}, {-0.999, 0}, {1.9, 1}, {-1.9, -1}, {2147483647, 2147483647},
		{2147483647.9, 2147483647}, {-2147483648, math.MinInt32}, {-2147483648.5, math.MinInt32},
		{2147483648, math.MinInt32}, {1<<32 + 1, math.MinInt32}, {1 << 53, math.MinInt32},
		{math.Inf(1), math.MinInt32}, {math.Inf(-1), math.MinInt32}, {math.NaN(), math.MinInt32},
		{1e300, math.MinInt32}, {-2147483649, math.MinInt32},
	}
	for _, tt := range tests {
		if got := toI32(tt.give); got != tt.want {
			t.Errorf("toI32(%v) = %d, want %d", tt.give, got, tt.want)
		}
	}
}

func TestToU32(t *testing.T) {
	tests := []struct {
		give float64
		want uint32
	}{
		{256, 256}, {-1, 0xffffffff}, {3.9, 3}, {-3.9, 0xfffffffd}, {1<<32 + 5, 5}, {1e10, 1410065408},
		{4294967295.5, 0xffffffff}, {1<<53 + 2, 2}, {math.NaN(), 0}, {math.Inf(1), 0}, {math.Inf(-1), 0},
		{1 << 63, 0}, {1 << 64, 0}, {-(1 << 63), 0}, {1e300, 0}, {-1e300, 0}, {1<<63 - 1024, 0xfffffc00},
	}
	for _, tt := range tests {
		if got := toU32(tt.give); got != tt.want {
			t.Errorf("toU32(%v) = %#x, want %#x", tt.give, got, tt.want)
		}
	}
}

func TestToI64(t *testing.T) {
	tests := []struct {
		give float64
		want int64
	}{
		{-0.5, 0}, {1 << 33, 1 << 33}, {-1, -1}, {1 << 63, math.MinInt64}, {math.NaN(), math.MinInt64},
		{math.Inf(1), math.MinInt64}, {-(1 << 63), math.MinInt64}, {1<<63 - 1024, 1<<63 - 1024},
	}
	for _, tt := range tests {
		if got := toI64(tt.give); got != tt.want {
			t.Errorf("toI64(%v) = %d, want %d", tt.give, got, tt.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		give string
		want float64
		ok   bool
	}{
		{"12", 12, true}, {" 5 ", 5, true}, {"0x10", 16, true}, {"2.75", 2.75, true}, {"-0x10", -16, true},
		{"1e3", 1000, true}, {"1E-1", 0.1, true}, {".5", 0.5, true}, {"5.", 5, true}, {"0x1p4", 16, true},
		{"0x.8", 0.5, true}, {"+7", 7, true}, {"\v\f7\r\n", 7, true}, {"1e400", math.Inf(1), true},
		{"-1e400", math.Inf(-1), true}, {"inf", math.Inf(1), true}, {"-Infinity", math.Inf(-1), true},
		{"12\x00zz", 12, true}, {"0x1P-1", 0.5, true},
		{"", 0, false}, {"  ", 0, false}, {"12abc", 0, false}, {"four", 0, false}, {"1e", 0, false},
		{"0x", 0, false}, {"0b1", 0, false}, {"- 1", 0, false}, {".", 0, false}, {"1 2", 0, false},
		{"infx", 0, false}, {"1_000", 0, false}, {"\x00", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseNumber(tt.give)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", tt.give, got, ok, tt.want, tt.ok)
		}
	}
	for _, s := range []string{"nan", "NaN", "-nan", "nan(123)", " nan "} {
		if v, ok := parseNumber(s); !ok || v == v {
			t.Errorf("parseNumber(%q) = %v, %v; want NaN", s, v, ok)
		}
	}
}

// formatNumber follows Luau's tostring for numbers (VM/src/lnumprint.cpp:
// shortest digits, fixed notation for decimal exponents -5..21).
func TestFormatNumber(t *testing.T) {
	negZero := math.Copysign(0, -1)
	tests := []struct {
		give float64
		want string
	}{
		{0, "0"}, {negZero, "-0"}, {1, "1"}, {-7, "-7"}, {1.5, "1.5"}, {0.1, "0.1"}, {1e20, "100000000000000000000"},
		{1e21, "1e+21"}, {1.5e21, "1.5e+21"}, {1e-5, "0.00001"}, {1e-6, "0.000001"}, {1e-7, "1e-07"},
		{1.25e-7, "1.25e-07"}, {1 << 53, "9007199254740992"}, {1 << 63, "9223372036854776000"},
		{1e100, "1e+100"}, {5e-324, "5e-324"}, {math.MaxFloat64, "1.7976931348623157e+308"},
		{math.Inf(1), "inf"}, {math.Inf(-1), "-inf"}, {math.NaN(), "nan"}, {123456.789, "123456.789"},
		{-0.000123, "-0.000123"},
	}
	for _, tt := range tests {
		if got := formatNumber(tt.give); got != tt.want {
			t.Errorf("formatNumber(%v) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

// FuzzLuauParseNumber checks that parsing never panics and that every number
// it accepts survives formatNumber and parseNumber unchanged.
func FuzzLuauParseNumber(f *testing.F) {
	for _, s := range []string{"12", " 0x1p4 ", "-inf", "nan(x)", "1e", "0x", ".5e-3", "9e999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := parseNumber(s)
		if !ok {
			return
		}
		if formatted := formatNumber(v); formatted == "" {
			t.Fatalf("formatNumber(%v) is empty", v)
		}
		if back, ok := parseNumber(formatNumber(v)); !ok || (back != v && !(back != back && v != v)) {
			t.Fatalf("%q -> %v does not round-trip through formatNumber (%q -> %v)", s, v, formatNumber(v), back)
		}
	})
}
