package testutil

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Cases runs fn in a sub-test for every file directly in dir whose name
// ends in ext, in name order, with the file's path and contents, and
// returns how many it ran. A sub-test is
// named by the file name without ext. Files whose names start with "_" are
// not cases but shared fixtures (a prelude, say) and are left out. Finding
// no case at all fails the test: a harness that checks nothing must not
// pass.
func Cases(t *testing.T, dir, ext string, fn func(t *testing.T, path string, src []byte)) int {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("listing test cases: %v", err)
	}
	n := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ext) || strings.HasPrefix(name, "_") {
			continue
		}
		n++
		path := filepath.Join(dir, name)
		t.Run(strings.TrimSuffix(name, ext), func(t *testing.T) { runCase(t, path, fn) })
	}
	if n == 0 {
		t.Fatalf("no *%s test cases in %s", ext, dir)
	}
	return n
}

// CaseTree runs fn in a sub-test, with the file's path and contents, for
// every file below dir, at any depth, for which match returns true, in the lexical order of filepath.WalkDir,
// and returns how many it ran.
// A sub-test is named by the file's path relative to dir with forward
// slashes and its extension kept, since one tree may hold cases of several
// kinds (x.lua and x.luau). Files and directories whose names start with
// "_" are left out, as in Cases, and finding no case fails the test.
func CaseTree(t *testing.T, dir string, match func(path string) bool, fn func(t *testing.T, path string, src []byte)) int {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && strings.HasPrefix(d.Name(), "_") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && match(p) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("listing test cases: %v", err)
	}
	if len(files) == 0 {
		t.Fatalf("no test cases in %s", dir)
	}
	for _, p := range files {
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.ToSlash(rel), func(t *testing.T) { runCase(t, p, fn) })
	}
	return len(files)
}

// runCase reads one case file and hands it to fn; every harness needs the
// text, and an unreadable case fails only its own sub-test.
func runCase(t *testing.T, path string, fn func(t *testing.T, path string, src []byte)) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fn(t, path, src)
}
