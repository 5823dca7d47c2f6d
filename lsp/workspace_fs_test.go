package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// TestWorkspaceScanSkipsSpecialFiles puts a FIFO, a symlink to /dev/zero and
// one to /dev/stdin among the workspace's .lua files. The scan must read
// none of them (a FIFO blocked a worker forever, /dev/zero filled memory,
// /dev/stdin is the server's own protocol stream on stdio), finish, and
// publish the real file's diagnostics.
func TestWorkspaceScanSkipsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.lua")
	if err := os.WriteFile(bad, []byte("local x = = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.lua"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"zero.lua": "/dev/zero", "stdin.lua": "/dev/stdin"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	c := newClient(t, clientOptions{rootURI: string(uri.File(dir))})
	badURI := uri.File(bad)
	c.waitFor("the scan's end and bad.lua's diagnostics", func() bool {
		return c.scanEnded() && len(c.diags[badURI]) > 0
	})
	c.mu.Lock()
	for u := range c.diags {
		if u != badURI {
			t.Errorf("diagnostics published for %s, which is not a regular file", u)
		}
	}
	c.mu.Unlock()
	if code := c.shutdownAndExit(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
}

// TestMaxFileSizeSetting checks the maxFileSizeMb setting: a positive
// number sets the size cap of files read from disk, anything else is a
// problem reported to the user and ignored.
func TestMaxFileSizeSetting(t *testing.T) {
	u, err := parseSettings([]byte(`{"buflsp": {"maxFileSizeMb": 2}}`))
	if err != nil || len(u.problems) > 0 {
		t.Fatalf("parseSettings: %v %v", err, u.problems)
	}
	if st := buildSettings(u, "", zap.NewNop()); st.cfg.MaxFileSize != 2<<20 {
		t.Errorf("MaxFileSize = %d, want %d", st.cfg.MaxFileSize, 2<<20)
	}
	for _, bad := range []string{`{"maxFileSizeMb": 0}`, `{"maxFileSizeMb": "big"}`} {
		u, _ := parseSettings([]byte(bad))
		if len(u.problems) != 1 || !strings.Contains(u.problems[0], "maxFileSizeMb") {
			t.Errorf("%s: problems %v, want one about maxFileSizeMb", bad, u.problems)
		}
		if st := buildSettings(u, "", zap.NewNop()); st.cfg.MaxFileSize != 0 {
			t.Errorf("%s: MaxFileSize = %d, want the default (0)", bad, st.cfg.MaxFileSize)
		}
	}
}
