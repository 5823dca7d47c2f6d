package syntax

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

const testdataDir = "../../testdata/syntax"

// dialectFor picks the dialect of a test file from its folder or extension,
// the same way the conformance tool picks its oracle.
func dialectFor(path string) Dialect {
	switch {
	case strings.HasSuffix(path, ".luau") || strings.Contains(path, "/luau/"):
		return DialectLuau
	case strings.Contains(path, "/lua54/"):
		return DialectLua54
	case strings.Contains(path, "/lua53/"):
		return DialectLua53
	case strings.Contains(path, "/lua52/"):
		return DialectLua52
	case strings.Contains(path, "/lua51/"):
		return DialectLua51
	}
	return DialectLuaJIT
}

func testFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(testdataDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".lua") || strings.HasSuffix(p, ".luau")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files under %s: %v", testdataDir, err)
	}
	return files
}

// render is the golden form of a parse: the errors with line:column, then
// the comments, then the tree.
func render(f *File) string {
	var b strings.Builder
	b.WriteString("== errors\n")
	for _, e := range f.Errors {
		l, c := f.Lines.Position(e.Start)
		fmt.Fprintf(&b, "%d:%d-%d: %s\n", l, c, e.End-e.Start, e.Msg)
	}
	b.WriteString("== comments\n")
	for _, c := range f.Comments {
		fmt.Fprintf(&b, "%d..%d %q\n", c.Start, c.End, c.Text)
	}
	b.WriteString("== tree\n")
	b.WriteString(Dump(f.Chunk))
	return b.String()
}

// TestGolden compares each test file's errors, comments and tree with its
// .golden file (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, path := range testFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := Parse(path, src, Options{Dialect: dialectFor(path)})
		checkNameIDs(t, f)
		got := render(f)
		golden := path + ".golden"
		if *update {
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: %v (run go test -update)", path, err)
			continue
		}
		if got != string(want) {
			t.Errorf("%s: parse differs from %s (run go test -update and review the diff)\n%s", path, golden, firstDiff(string(want), got))
		}
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n want %q\n got  %q", i+1, w, g)
		}
	}
	return ""
}

var markerRE = regexp.MustCompile(`^--\[\[ERROR "(.*)"\]\]$`)

// TestErrorMarkers checks inline --[[ERROR "regexp"]] comments: each marks
// an error whose offending token ends right before the comment (or the end
// of input when nothing but space follows the marker). In a file with
// markers, errors and markers must match one to one.
func TestErrorMarkers(t *testing.T) {
	checked := 0
	for _, path := range testFiles(t) {
		src, _ := os.ReadFile(path)
		f := Parse(path, src, Options{Dialect: dialectFor(path), AllErrors: true})
		type marker struct {
			pos int
			eof bool // nothing but space follows: an error at the end of input matches too
			re  *regexp.Regexp
		}
		var markers []marker
		for _, c := range f.Comments {
			m := markerRE.FindStringSubmatch(c.Text)
			if m == nil {
				continue
			}
			pos := c.Start
			for pos > 0 && strings.ContainsRune(" \t", rune(src[pos-1])) {
				pos--
			}
			eof := strings.TrimSpace(string(src[c.End:])) == ""
			markers = append(markers, marker{pos, eof, regexp.MustCompile(m[1])})
		}
		if len(markers) == 0 {
			continue
		}
		used := make([]bool, len(f.Errors))
		for _, m := range markers {
			found := false
			for i, e := range f.Errors {
				if !used[i] && (e.End == m.pos || m.eof && e.Start == len(src)) && m.re.MatchString(e.Msg) {
					used[i], found = true, true
					checked++
					break
				}
			}
			if !found {
				l, c := f.Lines.Position(m.pos)
				t.Errorf("%s:%d:%d: no error matching %q there; errors: %v", path, l, c, m.re, f.Errors)
			}
		}
		for i, e := range f.Errors {
			if !used[i] {
				l, c := f.Lines.Position(e.Start)
				t.Errorf("%s:%d:%d: unexpected error %q", path, l, c, e.Msg)
			}
		}
	}
	if checked == 0 {
		t.Error("no error markers checked")
	}
}
