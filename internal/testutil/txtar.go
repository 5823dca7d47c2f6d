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

// Get returns the data of the named file.
func (a *Archive) Get(name string) (string, bool) {
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return "", false
}

// Set replaces the data of the named file, or adds the file at the end.
func (a *Archive) Set(name, data string) {
	for i, f := range a.Files {
		if f.Name == name {
			a.Files[i].Data = data
			return
		}
	}
	a.Files = append(a.Files, ArchiveFile{Name: name, Data: data})
}

// Format writes the archive back as text; each file ends with a newline.
func (a *Archive) Format() string {
	var b strings.Builder
	b.WriteString(a.Header)
	for _, f := range a.Files {
		b.WriteString("-- " + f.Name + " --\n")
		b.WriteString(f.Data)
		if f.Data != "" && !strings.HasSuffix(f.Data, "\n") {
			b.WriteString("\n")
		}
	}
	return b.String()
}
