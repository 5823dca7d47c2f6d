package analysis_test

// This file is the one harness for rule tests. Every .lua and .luau file
// under testdata/rules is checked with analysis.CheckSource, and the
// diagnostics must match the file's markers one to one:
//
//	x = buf .. "s" -- want: buffer-concat
//	x = a .. b     -- want: buffer-concat "new string"  (message must match the regexp)
//	f(x)           -- want: rule-a rule-b "re"          (several on one line)
//	-- want(-1): unknown-rule                           (the line above; want(+2) two below)
//
// A marker is a comment starting with "want"; its line is the line where the
// diagnostic starts. Files with no markers must produce no diagnostics: that
// is how tests state that ordinary code stays silent. A .buflsp.toml next to
// the files configures them. When x.lua has quick fixes, x.lua.golden holds
// the text after applying them (go test ./analysis -run Rules -update).

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/config"
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

type expectation struct {
	line int
	rule string
	re   *regexp.Regexp
	text string // the marker, for messages
}

var markerRE = regexp.MustCompile(`^--+\s*want(?:\(([+-]\d+)\))?:\s*(.*)$`)

// parseMarkers reads the want comments of a parsed file.
func parseMarkers(t *testing.T, file *syntax.File) []expectation {
	var out []expectation
	for _, c := range file.Comments {
		m := markerRE.FindStringSubmatch(strings.TrimSpace(c.Text))
		if m == nil {
			continue
		}
		line, _ := file.Lines.Position(c.Start)
		if m[1] != "" {
			delta, _ := strconv.Atoi(m[1])
			line += delta
		}
		rest := strings.TrimSpace(m[2])
		for rest != "" {
			name := rest
			if i := strings.IndexAny(rest, " \t\""); i >= 0 {
				name = rest[:i]
			}
			rest = strings.TrimSpace(rest[len(name):])
			e := expectation{line: line, rule: name, text: name}
			if strings.HasPrefix(rest, `"`) {
				q, err := strconv.QuotedPrefix(rest)
				if err != nil {
					t.Fatalf("%s:%d: bad quoted regexp in marker: %v", file.Name, line, err)
				}
				pat, _ := strconv.Unquote(q)
				e.re = regexp.MustCompile(pat)
				e.text += " " + q
				rest = strings.TrimSpace(rest[len(q):])
			}
			if name == "" {
				t.Fatalf("%s:%d: empty marker", file.Name, line)
			}
			out = append(out, e)
		}
	}
	return out
}

func TestRules(t *testing.T) {
	checker := analysis.NewChecker()
	testutil.CaseTree(t, filepath.Join("..", "testdata", "rules"), analysis.IsLuaFile, func(t *testing.T, path string, src []byte) {
		checkRuleFile(t, checker, path, src)
	})
}

func checkRuleFile(t *testing.T, checker *analysis.Checker, path string, src []byte) {
	cfg := analysis.DefaultConfig()
	if p := filepath.Join(filepath.Dir(path), config.FileName); fileExists(p) {
		var err error
		if cfg, err = analysis.LoadConfig(p); err != nil {
			t.Fatal(err)
		}
	}
	res := checker.Check(path, src, cfg)
	matchMarkers(t, path, src, res.File, res.Diagnostics)
	checkFixGolden(t, path, src, res.Diagnostics)
}

// matchMarkers checks a file's diagnostics against its want markers.
func matchMarkers(t *testing.T, path string, src []byte, file *syntax.File, diags []analysis.Diagnostic) {
	t.Helper()
	wants := parseMarkers(t, file)
	used := make([]bool, len(wants))
	lt := file.Lines
	for _, d := range diags {
		if d.Start < 0 || d.End < d.Start || d.End > len(src) {
			t.Errorf("%s: diagnostic range [%d,%d) outside the file", d.Rule, d.Start, d.End)
			continue
		}
		line, col := lt.Position(d.Start)
		matched := false
		for i, w := range wants {
			if used[i] || w.line != line || w.rule != d.Rule || (w.re != nil && !w.re.MatchString(d.Message)) {
				continue
			}
			used[i], matched = true, true
			break
		}
		if !matched {
			t.Errorf("%s:%d:%d: unexpected %s: %s", path, line, col, d.Rule, d.Message)
		}
	}
	for i, w := range wants {
		if !used[i] {
			t.Errorf("%s:%d: expected %s, got none", path, w.line, w.text)
		}
	}
}

// TestRulesWorkspace checks the archives under testdata/rules (*.txtar):
// each is a workspace of several files, checked together as `buflsp check
// DIR` does (so values flow between modules), and every file's
// diagnostics must match its markers.
func TestRulesWorkspace(t *testing.T) {
	checker := analysis.NewChecker()
	n := testutil.CaseTree(t, filepath.Join("..", "testdata", "rules"), func(p string) bool { return strings.HasSuffix(p, ".txtar") },
		func(t *testing.T, path string, data []byte) {
			dir := t.TempDir()
			a := testutil.ParseArchive(string(data))
			a.Extract(t, dir)
			results := checker.CheckPaths([]string{dir}, analysis.PathsOptions{})
			if len(results) != len(a.Files) {
				t.Fatalf("%d results for %d files", len(results), len(a.Files))
			}
			for _, fr := range results {
				if fr.Err != nil {
					t.Fatal(fr.Err)
				}
				rel, _ := filepath.Rel(dir, fr.Path)
				src, err := os.ReadFile(fr.Path)
				if err != nil {
					t.Fatal(err)
				}
				// A check keeps only the findings of each file; the markers
				// are read from a parse of its own.
				file := syntax.Parse(fr.Path, src, syntax.Options{})
				matchMarkers(t, path+":"+filepath.ToSlash(rel), src, file, fr.Result.Diagnostics)
			}
		})
	if n == 0 {
		t.Fatal("no workspace archives found")
	}
}

// checkFixGolden compares the text after applying every quick fix with
// path.golden. A file without fixes must not have a golden file.
func checkFixGolden(t *testing.T, path string, src []byte, diags []analysis.Diagnostic) {
	golden := path + ".golden"
	fixed, n := analysis.ApplyFixes(src, diags)
	if n == 0 {
		if fileExists(golden) {
			t.Errorf("%s exists but no fix applies", golden)
		}
		return
	}
	testutil.Golden(t, golden, fixed, *update)
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// TestMarkerParsing pins the marker syntax, since every rule test depends on it.
func TestMarkerParsing(t *testing.T) {
	src := "local a = 1 -- want: rule-a \"x y\" rule-b\n-- want(-1): rule-c\n-- wanted: nothing\n"
	file := syntax.Parse("m.lua", []byte(src), syntax.Options{})
	got := parseMarkers(t, file)
	var s []string
	for _, e := range got {
		s = append(s, fmt.Sprintf("%d:%s", e.line, e.text))
	}
	sort.Strings(s)
	want := `1:rule-a "x y",1:rule-b,1:rule-c`
	if strings.Join(s, ",") != want {
		t.Errorf("markers = %v, want %s", s, want)
	}
}
