package testutil

import (
	"strconv"
	"strings"
	"testing"
)

// SpecBytes builds bytes from a test step's list of Go-quoted strings, each
// optionally followed by *N to repeat it N times, such as
// `"Content-Length: 5\r\n\r\n" "x"*5`. The red-team scripts of the
// language server and the command line write their byte streams this way,
// so that a megabyte of input stays one line of test data.
func SpecBytes(t testing.TB, spec string) []byte {
	t.Helper()
	var out []byte
	rest := strings.TrimSpace(spec)
	for rest != "" {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			t.Fatalf("spec %q: expected a quoted string", rest)
		}
		s, _ := strconv.Unquote(q)
		rest = rest[len(q):]
		n := 1
		if strings.HasPrefix(rest, "*") {
			end := 1
			for end < len(rest) && rest[end] >= '0' && rest[end] <= '9' {
				end++
			}
			n, _ = strconv.Atoi(rest[1:end])
			rest = rest[end:]
		}
		out = append(out, strings.Repeat(s, n)...)
		rest = strings.TrimSpace(rest)
	}
	return out
}

// Unquote reads one Go-quoted string from a test step, failing the test
// when s is not one.
func Unquote(t testing.TB, s string) string {
	t.Helper()
	u, err := strconv.Unquote(strings.TrimSpace(s))
	if err != nil {
		t.Fatalf("expected a quoted string, got %s", s)
	}
	return u
}
