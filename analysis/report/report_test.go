package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis"
)

func TestExcerpt(t *testing.T) {
	src := "local x = 1\n\tlocal é = = 2\n"
	res := analysis.CheckSource("e.lua", []byte(src), nil)
	var b bytes.Buffer
	if err := writeText(&b, []analysis.FileResult{{Path: "e.lua", Result: res}}, true, false); err != nil {
		t.Fatal(err)
	}
	want := "e.lua:2:13: error: unexpected symbol near '=' [syntax-error]\n" +
		"    \tlocal é = = 2\n" +
		"    \t          ^\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got := escapeData("50% done\r\nnext"); got != "50%25 done%0D%0Anext" {
		t.Errorf("escapeData = %q", got)
	}
	if got := escapeProperty("a:b,c%"); got != "a%3Ab%2Cc%25" {
		t.Errorf("escapeProperty = %q", got)
	}
	// Nothing a terminal or the runner's log acts on passes: escape
	// sequences, other C0 controls, DEL, the one-byte CSI U+009B, bytes that
	// are not UTF-8. Tab and ordinary text (non-ASCII included) stay.
	for give, want := range map[string]string{
		"\x1b]0;pwned\x07\x1b[2J": "%1B]0;pwned%07%1B[2J",
		"a\x00b\x08c\x7fd":        "a%00b%08c%7Fd",
		"\u009b31m":               "%C2%9B31m",
		"bad \xff byte":           "bad %FF byte",
		"tab\tand é":              "tab\tand é",
	} {
		if got := escapeData(give); got != want {
			t.Errorf("escapeData(%q) = %q, want %q", give, got, want)
		}
		if got := escapeProperty(give); got != strings.NewReplacer(":", "%3A", ",", "%2C").Replace(want) {
			t.Errorf("escapeProperty(%q) = %q", give, got)
		}
	}
}

// TestGitHubFormatEscapesPathsAndMessages: a file name and a message
// carrying control characters come out of --format github as one line per
// finding with no control character but the newline that ends it.
func TestGitHubFormatEscapesPathsAndMessages(t *testing.T) {
	path := "evil\x1b[31m\r\nname,x:y.lua"
	src := "local s = \"\x1b]0;title\x07\"\nlocal x = = 1\n"
	res := analysis.CheckSource(path, []byte(src), nil)
	var b bytes.Buffer
	if err := writeGitHub(&b, []analysis.FileResult{{Path: path, Result: res}}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if len(res.Diagnostics) == 0 || strings.Count(out, "\n") != len(res.Diagnostics) {
		t.Fatalf("%d findings, output %q", len(res.Diagnostics), out)
	}
	for i := 0; i < len(out)-1; i++ {
		if c := out[i]; c < 0x20 && c != '\t' && c != '\n' || c == 0x7f {
			t.Fatalf("control byte %#x in %q", c, out)
		}
	}
	if !strings.Contains(out, "file=evil%1B[31m%0D%0Aname%2Cx%3Ay.lua,") {
		t.Errorf("path not escaped: %q", out)
	}
}

func TestPlural(t *testing.T) {
	for give, want := range map[int]string{0: "0 fixes", 1: "1 fix", 2: "2 fixes"} {
		if got := plural(give, "fix"); got != want {
			t.Errorf("plural(%d) = %q", give, got)
		}
	}
}
