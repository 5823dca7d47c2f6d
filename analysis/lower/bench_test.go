package lower

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLower lowers every testdata case once per iteration and reports
// the throughput in source bytes.
func BenchmarkLower(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.luau"))
	var srcs [][]byte
	total := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
		total += len(src)
	}
	b.SetBytes(int64(total))
	for b.Loop() {
		for _, src := range srcs {
			if _, err := Lower("bench.luau", src); err != nil {
				b.Fatal(err)
			}
		}
	}
}
