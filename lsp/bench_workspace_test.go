package lsp

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// BenchmarkEditToDiagnosticsWorkspace measures a one-character edit in a
// 10,000-line file until its diagnostics arrive, as BenchmarkEditToDiagnostics
// does, but inside a workspace of 300,000 lines: 30 modules of 10,000 lines
// that each require the previous one and return their table, scanned in the
// background before the edits start. The edited file is the last module,
// so that whatever the server learns across files (the workspace index,
// cross-file summaries) is in play. The server runs with the collector
// settings it serves with (gc.go).
func BenchmarkEditToDiagnosticsWorkspace(b *testing.B) {
	defer tuneGC()()
	const files, lines = 30, 10_000
	dir := b.TempDir()
	body := bigDocument(lines - 2)
	text := func(i int) string {
		head := "local prev = nil\n"
		if i > 0 {
			head = "local prev = require(\"m" + strconv.Itoa(i-1) + "\")\n"
		}
		return head + body + "return Mod\n"
	}
	for i := range files {
		if err := os.WriteFile(filepath.Join(dir, "m"+strconv.Itoa(i)+".lua"), []byte(text(i)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	c := newClient(b, clientOptions{rootURI: string(uri.File(dir)), server: Options{Debounce: DefaultDebounce}})
	c.patience = 5 * time.Minute
	c.waitScan()
	u := protocol.DocumentURI(uri.File(filepath.Join(dir, "m"+strconv.Itoa(files-1)+".lua")))
	c.open(u, text(files-1))
	c.diagnosticsFor(u, 1)
	benchEdits(b, c, u)
}
