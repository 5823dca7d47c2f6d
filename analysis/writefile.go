package analysis

// This file writes fixed source back for --fix without damaging the file
// system around it: through symlinks (the link stays a link), keeping hard
// links, modes and owners, never into a read-only file, and never leaving a
// half-written file behind.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrReadOnly is returned for a file --fix will not write because its
// permissions say it is read-only (even to a user who could write anyway,
// such as root).
var ErrReadOnly = errors.New("the file is read-only; fixes not written")

// WriteFileAtomic replaces the contents of path with data.
//
//   - A symlink is followed: the file it points to gets the new text and
//     the link stays.
//   - A file without any write permission bit is not written (ErrReadOnly).
//   - Normally a temporary file in the same directory gets the text, is
//     synced, takes the original's mode (and owner, where allowed) and is
//     renamed over the original: a crash or a full disk leaves the old file
//     whole or the new one, never half of each.
//   - A file with several hard links is written in place, the only way to
//     keep the other names pointing at the new text; the text is written
//     before the file is cut to length and synced, and if the write fails
//     the old text is written back.
func WriteFileAtomic(path string, data []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	st, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("writing %s: not a regular file", path)
	}
	if st.Mode().Perm()&0o222 == 0 {
		return ErrReadOnly
	}
	if links(st) > 1 {
		return writeInPlace(target, data)
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, ".buflsp-fix-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	name := tmp.Name()
	_, werr := tmp.Write(data)
	if werr == nil {
		werr = tmp.Sync()
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(name, st.Mode().Perm())
	}
	if werr == nil {
		keepOwner(name, st)
		werr = os.Rename(name, target)
	}
	if werr != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", path, werr)
	}
	syncDir(dir)
	return nil
}

// writeInPlace overwrites a hard-linked file: the new text first, then the
// cut to its length, then a sync. A failed write puts the old text back.
func writeInPlace(target string, data []byte) error {
	old, err := os.ReadFile(target)
	if err != nil {
		return fmt.Errorf("writing %s: %w", target, err)
	}
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("writing %s: %w", target, err)
	}
	defer f.Close()
	_, werr := f.WriteAt(data, 0)
	if werr == nil {
		werr = f.Truncate(int64(len(data)))
	}
	if werr == nil {
		werr = f.Sync()
	}
	if werr != nil {
		// The old text fits in the blocks the file already had.
		if _, rerr := f.WriteAt(old, 0); rerr == nil {
			f.Truncate(int64(len(old)))
			f.Sync()
		}
		return fmt.Errorf("writing %s (the old text was put back): %w", target, werr)
	}
	return nil
}

// syncDir makes a rename in dir durable; failures are ignored, as some
// file systems cannot sync a directory.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
