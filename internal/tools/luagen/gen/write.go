package gen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// Write puts each module of srcs in dir as m000<ext>, m001<ext>, ... so
// that the benchmarks and the external tools they compare with read the
// same bytes. It returns the paths in order and the number of lines.
func Write(dir, ext string, srcs [][]byte) (paths []string, lines int, err error) {
	for i, src := range srcs {
		p := filepath.Join(dir, fmt.Sprintf("m%03d%s", i, ext))
		if err := os.WriteFile(p, src, 0o644); err != nil {
			return nil, 0, err
		}
		paths = append(paths, p)
		lines += bytes.Count(src, []byte("\n"))
	}
	return paths, lines, nil
}
