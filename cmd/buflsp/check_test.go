package main

// Golden tests for `buflsp check`: each directory under testdata/check is a
// fixture tree with an "args" file (one command-line argument per line) and a
// "golden" file holding the exit code, stdout and stderr of running the
// command in-process from that directory (an args file whose first line is
// "buflsp" is a whole command line instead, such as buflsp rules NAME). An optional "stdin" file is the
// command's standard input (for the "-" path). go test -update rewrites them.

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/report"
	"github.com/buflsp/buflsp/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestCheckGolden(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata", "check"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), "_") {
			continue // _trees holds fixtures shared by several cases
		}
		dir := filepath.Join(root, e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			argsText, err := os.ReadFile(filepath.Join(dir, "args"))
			if err != nil {
				t.Fatal(err)
			}
			var args []string
			for _, a := range strings.Split(strings.TrimSpace(string(argsText)), "\n") {
				if a = strings.TrimSpace(a); a != "" {
					args = append(args, a)
				}
			}
			stdin, err := os.ReadFile(filepath.Join(dir, "stdin"))
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			t.Chdir(workTree(t, dir))
			var stdout, stderr bytes.Buffer
			var code int
			if len(args) > 0 && args[0] == "buflsp" {
				// A whole command line (rules, a mistyped command): the
				// CLI's goldens stay in one place.
				code = dispatch(args[1:], &stdout, &stderr)
			} else {
				code = check(append([]string{"--jobs", "2"}, args...), bytes.NewReader(stdin), &stdout, &stderr)
			}
			got := fmt.Sprintf("exit: %d\n-- stdout --\n%s-- stderr --\n%s", code, stdout.String(), stderr.String())
			testutil.Golden(t, filepath.Join(dir, "golden"), []byte(got), *update)
			if contains(args, "sarif") {
				validateSARIF(t, stdout.Bytes())
				validateWithMultitool(t, stdout.Bytes())
			}
			if contains(args, "json") {
				var v map[string]any
				if err := json.Unmarshal(stdout.Bytes(), &v); err != nil || v["version"] != float64(report.JSONVersion) {
					t.Errorf("json output: %v, version %v", err, v["version"])
				}
			}
		})
	}
}

// workTree returns the directory a case runs in. Most cases run in place. A
// case that tests ignore handling needs files that git itself ignores (under
// gen/ or node_modules/), so they never reach a clone; such a case lists them
// in a file named "ignored", and it runs on a temporary copy of the fixture
// where those files are created with a syntax error that would show in the
// output if the checker did not skip them.
func workTree(t *testing.T, dir string) string {
	list, err := os.ReadFile(filepath.Join(dir, "ignored"))
	if os.IsNotExist(err) {
		return dir
	}
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	for _, rel := range strings.Fields(string(list)) {
		path := filepath.Join(tmp, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("local = broken\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tmp
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// validateSARIF decodes the output strictly into the SARIF structs, so that
// a misspelt or misplaced property fails, and checks the properties SARIF
// 2.1.0 requires of the objects we emit.
func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var log report.SarifLog
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("SARIF does not decode strictly: %v", err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name == "" || run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("driver name %q, columnKind %q", run.Tool.Driver.Name, run.ColumnKind)
	}
	for _, r := range run.Results {
		if r.Message.Text == "" || r.RuleID == "" || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %+v: missing message or rule index mismatch", r)
		}
		switch r.Level {
		case "error", "warning", "note", "none":
		default:
			t.Errorf("level %q", r.Level)
		}
		for _, l := range r.Locations {
			g := l.PhysicalLocation.Region
			if g == nil || g.StartLine < 1 || g.StartColumn < 1 || g.EndLine < g.StartLine || (g.EndLine == g.StartLine && g.EndColumn < g.StartColumn) {
				t.Errorf("bad region %+v", g)
			}
			if strings.Contains(l.PhysicalLocation.ArtifactLocation.URI, "\\") {
				t.Errorf("uri %q has a backslash", l.PhysicalLocation.ArtifactLocation.URI)
			}
		}
	}
}

// validateWithMultitool runs Microsoft's SARIF multitool (npm package
// @microsoft/sarif-multitool, command "sarif") over the output when it is
// installed: it validates against the SARIF 2.1.0 JSON schema and its own
// rules. It is not one of the project's required oracles, so a missing tool
// skips this part instead of failing.
func validateWithMultitool(t *testing.T, data []byte) {
	tool, err := exec.LookPath("sarif")
	if err != nil {
		t.Log("sarif multitool not installed (npm i -g @microsoft/sarif-multitool); schema validation skipped")
		return
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "out.sarif")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "validate", in, "-o", filepath.Join(dir, "v.sarif")).CombinedOutput()
	if err != nil || bytes.Contains(out, []byte(": error ")) {
		t.Errorf("sarif validate: %v\n%s", err, out)
	}
}

// TestDiffWritesNothingAndMatchesFix runs check --diff and check --fix on
// copies of one tree: --diff must leave the file alone, and its diff, applied
// with GNU patch, must give the same text that --fix writes.
func TestDiffWritesNothingAndMatchesFix(t *testing.T) {
	patchBin, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch is not installed")
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "check", "_trees", "fixable", "frame.lua"))
	if err != nil {
		t.Fatal(err)
	}
	dryDir, fixDir := t.TempDir(), t.TempDir()
	for _, d := range []string{dryDir, fixDir} {
		if err := os.WriteFile(filepath.Join(d, "frame.lua"), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dryDir)
	var diff, stderr bytes.Buffer
	check([]string{"--diff", "frame.lua"}, nil, &diff, &stderr)
	if got, _ := os.ReadFile("frame.lua"); !bytes.Equal(got, src) {
		t.Fatalf("--diff changed the file:\n%s", got)
	}
	if diff.Len() == 0 {
		t.Fatalf("--diff printed nothing; stderr:\n%s", stderr.String())
	}
	cmd := exec.Command(patchBin, "-s", "-p1")
	cmd.Stdin = bytes.NewReader(diff.Bytes())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v\n%s", err, out)
	}
	t.Chdir(fixDir)
	check([]string{"--fix", "frame.lua"}, nil, io.Discard, io.Discard)
	patched, _ := os.ReadFile(filepath.Join(dryDir, "frame.lua"))
	fixed, _ := os.ReadFile(filepath.Join(fixDir, "frame.lua"))
	if !bytes.Equal(patched, fixed) {
		t.Errorf("patched with the diff:\n%s\nwritten by --fix:\n%s", patched, fixed)
	}
}

func TestColorChoice(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	tests := []struct {
		when               string
		terminal           bool
		getenv             func(string) string
		color, excerpt, ok bool
	}{
		{"auto", true, env("TERM", "xterm"), true, true, true},
		{"auto", true, env("TERM", "xterm", "NO_COLOR", "1"), false, true, true},
		{"auto", true, env("TERM", "dumb"), false, true, true},
		{"auto", false, env(), false, false, true},
		{"always", false, env("NO_COLOR", "1"), true, true, true},
		{"never", true, env(), false, true, true},
		{"sometimes", true, env(), false, false, false},
	}
	for _, tt := range tests {
		c, e, ok := colorChoice(tt.when, tt.terminal, tt.getenv)
		if c != tt.color || e != tt.excerpt || ok != tt.ok {
			t.Errorf("colorChoice(%q, terminal=%v) = %v, %v, %v; want %v, %v, %v", tt.when, tt.terminal, c, e, ok, tt.color, tt.excerpt, tt.ok)
		}
	}
}
