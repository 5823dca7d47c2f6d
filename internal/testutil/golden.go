package testutil

import (
	"bytes"
	"os"
	"testing"
)

// Golden compares got with the golden file at path and reports a line diff
// with t.Errorf when they differ. With update set it first rewrites the file
// with got, so that a run with -update refreshes every expectation and
// passes; the diff then shows up in version control instead. It returns
// whether got matched the file.
func Golden(t testing.TB, path string, got []byte, update bool) bool {
	t.Helper()
	if update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("rewriting golden file: %v", err)
		}
		return true
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("reading golden file: %v (run go test with -update to create it)", err)
		return false
	}
	if bytes.Equal(want, got) {
		return true
	}
	t.Errorf("output differs from %s (run go test with -update to accept it):\n%s", path, Diff(string(want), string(got)))
	return false
}
