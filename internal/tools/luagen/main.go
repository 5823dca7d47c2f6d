// Command luagen writes a corpus of generated, realistic Lua modules for
// benchmarks and conformance runs.
//
// Usage: go run ./internal/tools/luagen -out DIR [-n 200] [-size 20000] [-seed 1]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/buflsp/buflsp/internal/tools/luagen/gen"
)

func main() {
	out := flag.String("out", "", "directory to write the modules into (required)")
	n := flag.Int("n", 200, "number of modules")
	size := flag.Int("size", 20000, "approximate size of each module in bytes")
	seed := flag.Uint64("seed", 1, "seed of the first module")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "luagen:", err)
		os.Exit(2)
	}
	for i, src := range gen.Corpus(*seed, *n, *size) {
		name := filepath.Join(*out, fmt.Sprintf("mod%04d.lua", i))
		if err := os.WriteFile(name, src, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "luagen:", err)
			os.Exit(2)
		}
	}
}
