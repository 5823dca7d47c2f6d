package report

import (
	"bytes"
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
}

func TestPlural(t *testing.T) {
	for give, want := range map[int]string{0: "0 fixes", 1: "1 fix", 2: "2 fixes"} {
		if got := plural(give, "fix"); got != want {
			t.Errorf("plural(%d) = %q", give, got)
		}
	}
}
