package analysis

// This file reads source files defensively. A workspace or a directory on
// the command line may hold a .lua name that is a symlink to /dev/zero
// (endless), a FIFO (a read blocks forever), /dev/stdin (the language
// server's own protocol stream) or a huge file. Only regular files are read,
// up to a size cap, and the open itself cannot block.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// DefaultMaxFileSize is the size cap when none is configured: 32 MiB, far
// above any hand-written Lua file and below what would exhaust memory.
const DefaultMaxFileSize = 32 << 20

// ErrSkipped marks a file that was not read because of what it is (not a
// regular file) or its size; the error's text says which. A directory walk
// reports such files and goes on; a file named explicitly is an error.
var ErrSkipped = errors.New("skipped")

// ReadSourceFile reads path when it is a regular file (after following
// symlinks) of at most limit bytes (limit <= 0 means DefaultMaxFileSize).
// The file is opened without blocking and checked again on the open
// descriptor, so that a FIFO swapped in after the first check cannot
// block, and a file that grows while read is cut off and refused.
func ReadSourceFile(path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, err
	}
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err = f.Stat()
	if err != nil {
		return nil, err
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: the file grew past the size cap of %s while it was read", ErrSkipped, sizeText(limit))
	}
	return data, nil
}

// checkRegular refuses what is not a regular file or is over the cap.
func checkRegular(st fs.FileInfo, limit int64) error {
	m := st.Mode()
	if !m.IsRegular() {
		return fmt.Errorf("%w: not a regular file (%s); only regular files are read", ErrSkipped, kindOf(m))
	}
	if st.Size() > limit {
		return fmt.Errorf("%w: %s, over the size cap of %s (raise it with --max-file-size or maxFileSizeMb in .buflsp.toml)", ErrSkipped, sizeText(st.Size()), sizeText(limit))
	}
	return nil
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// sizeText shows a byte count in the unit a person would use.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
