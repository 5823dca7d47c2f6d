package testutil

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Archive is a txtar-style file: a header, then files each introduced by a
// line "-- name --". Tests that need several files at once (a workspace of
// modules requiring each other) keep them in one archive.
type Archive struct {
	Header string
	Files  []ArchiveFile
}

// ArchiveFile is one file of an Archive.
type ArchiveFile struct {
	Name string
	Data string
}

var archiveMarker = regexp.MustCompile(`^-- (\S+) --$`)

// ParseArchive reads an archive; text before the first marker is the header.
func ParseArchive(data string) *Archive {
	a := &Archive{}
	var b strings.Builder
	cur := -1
	flush := func() {
		if cur < 0 {
			a.Header = b.String()
		} else {
			a.Files[cur].Data = b.String()
		}
		b.Reset()
	}
	for _, l := range strings.SplitAfter(data, "\n") {
		if m := archiveMarker.FindStringSubmatch(strings.TrimRight(l, "\r\n")); m != nil {
			flush()
			a.Files = append(a.Files, ArchiveFile{Name: m[1]})
			cur = len(a.Files) - 1
			continue
		}
		b.WriteString(l)
	}
	flush()
	return a
}

// Extract writes the archive's files under dir (names may contain '/') and
// stops the test on an error.
func (a *Archive) Extract(t testing.TB, dir string) {
	t.Helper()
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f.Data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
