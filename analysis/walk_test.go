package analysis

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckPathsFix runs --fix with the test rule "concat" (fix: ".." -> ",")
// over a small tree: the clean file is rewritten in place with its mode
// kept, the file with a syntax error is left alone, and the results describe
// the files as they are after fixing.
func TestCheckPathsFix(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.lua", "print(a .. b .. c)\n", 0o600)
	broken := write("broken.lua", "print(a .. b\n", 0o644)
	write("notes.txt", "a .. b", 0o644)

	cfg := DefaultConfig()
	cfg.Severity["boom"] = "off"
	res := testChecker().CheckPaths([]string{dir}, PathsOptions{Fix: true, Config: func(string) (*Config, error) { return cfg, nil }})
	if len(res) != 2 {
		t.Fatalf("got %d results, want 2 (.txt is not checked)", len(res))
	}
	byName := map[string]FileResult{}
	for _, r := range res {
		byName[filepath.Base(r.Path)] = r
	}
	if r := byName["good.lua"]; r.Fixed != 2 || len(r.Result.Diagnostics) != 0 || r.FixErr != nil {
		t.Errorf("good.lua: fixed %d, %d diagnostics left, err %v", r.Fixed, len(r.Result.Diagnostics), r.FixErr)
	}
	if data, _ := os.ReadFile(good); string(data) != "print(a , b , c)\n" {
		t.Errorf("good.lua now %q", data)
	}
	if st, _ := os.Stat(good); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	if r := byName["broken.lua"]; !r.Skipped || r.Fixed != 0 {
		t.Errorf("broken.lua: skipped %v fixed %d", r.Skipped, r.Fixed)
	}
	if data, _ := os.ReadFile(broken); string(data) != "print(a .. b\n" {
		t.Errorf("broken.lua was changed: %q", data)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".buflsp-fix-*"))
	if len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestCheckPathsMissing(t *testing.T) {
	res := NewChecker().CheckPaths([]string{filepath.Join(t.TempDir(), "nope.lua")}, PathsOptions{})
	if len(res) != 1 || res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "no such file") {
		t.Fatalf("got %+v", res)
	}
}

// CheckPaths keeps findings, not trees: once a file is checked its result
// has no syntax tree, comments, model or types; a file with findings keeps
// its text and line table (for positions and excerpts), a clean one
// neither. The findings are those of a full check.
func TestCheckPathsKeepsOnlyFindings(t *testing.T) {
	dir := t.TempDir()
	texts := map[string]string{"dirty.lua": "-- c\nprint(a .. b)\n", "clean.lua": "-- c\nprint(1)\n"}
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := testChecker()
	cfg := DefaultConfig()
	cfg.Severity["boom"] = "off"
	res := c.CheckPaths([]string{dir}, PathsOptions{Config: func(string) (*Config, error) { return cfg, nil }})
	if len(res) != 2 {
		t.Fatalf("got %d results, want 2", len(res))
	}
	for _, fr := range res {
		name := filepath.Base(fr.Path)
		f := fr.Result.File
		if f.Chunk != nil || f.Comments != nil || fr.Result.Model() != nil || fr.Result.Types() != nil {
			t.Errorf("%s: the tree, comments, model or types outlived the check", name)
		}
		full := c.Check(fr.Path, []byte(texts[name]), cfg)
		if len(full.Diagnostics) != len(fr.Result.Diagnostics) {
			t.Errorf("%s: %d findings kept, a full check has %d", name, len(fr.Result.Diagnostics), len(full.Diagnostics))
		}
		dirty := len(full.Diagnostics) > 0
		if dirty != (name == "dirty.lua") {
			t.Fatalf("%s: %d findings: the test rule set changed", name, len(full.Diagnostics))
		}
		if kept := string(f.Src) == texts[name] && f.Lines != nil; kept != dirty {
			t.Errorf("%s: text and line table kept %v, want %v", name, kept, dirty)
		}
	}
}
