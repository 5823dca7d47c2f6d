package report

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestUnifiedDiffAppliesWithPatch checks the diffs against GNU patch, the
// program users feed them to: for pairs of texts that differ in random
// lines (including a missing final newline), patch must turn the first
// text into the second.
func TestUnifiedDiffAppliesWithPatch(t *testing.T) {
	patchBin, err := exec.LookPath("patch")
	if err != nil {
		t.Skip("patch is not installed")
	}
	rng := rand.New(rand.NewSource(1))
	words := []string{"a\n", "b\n", "c\n", "local x = 1\n", "end\n", "\n"}
	gen := func(n int) []byte {
		var b bytes.Buffer
		for range n {
			b.WriteString(words[rng.Intn(len(words))])
		}
		if rng.Intn(4) == 0 && b.Len() > 0 {
			b.Truncate(b.Len() - 1)
		}
		return b.Bytes()
	}
	for i := range 200 {
		a := gen(rng.Intn(30))
		b := append([]byte(nil), a...)
		if i%3 == 0 {
			b = gen(rng.Intn(30))
		} else {
			lines := splitLines(b)
			for range 1 + rng.Intn(3) {
				if len(lines) == 0 {
					break
				}
				lines[rng.Intn(len(lines))] = []byte(fmt.Sprintf("changed %d\n", rng.Intn(9)))
			}
			b = bytes.Join(lines, nil)
		}
		var d bytes.Buffer
		if err := writeUnifiedDiff(&d, "f.lua", a, b); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(a, b) {
			if d.Len() != 0 {
				t.Fatalf("diff of equal texts: %q", d.String())
			}
			continue
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "f.lua"), a, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(patchBin, "-s", "-p1", "--no-backup-if-mismatch")
		cmd.Dir = dir
		cmd.Stdin = bytes.NewReader(d.Bytes())
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("case %d: patch: %v\n%s\ndiff:\n%s", i, err, out, d.String())
		}
		got, _ := os.ReadFile(filepath.Join(dir, "f.lua"))
		if !bytes.Equal(got, b) {
			t.Fatalf("case %d: patched text %q, want %q\ndiff:\n%s", i, got, b, d.String())
		}
	}
}

func TestUnifiedDiffHunks(t *testing.T) {
	a := []byte("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n")
	b := []byte("1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n")
	var d bytes.Buffer
	if err := writeUnifiedDiff(&d, "x.lua", a, b); err != nil {
		t.Fatal(err)
	}
	want := "--- a/x.lua\n+++ b/x.lua\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n@@ -12,5 +12,5 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n"
	if d.String() != want {
		t.Errorf("got\n%s\nwant\n%s", d.String(), want)
	}
}
