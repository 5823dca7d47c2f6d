package lsp

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// TestEditsMatchFromScratch types random edit sequences into real files
// and checks, after each one, that the diagnostics the server publishes for
// the edited document are exactly those of a server that opens the
// resulting text afresh. The edited server goes through everything an edit
// touches (incremental text sync with UTF-16 ranges, several changes in one
// notification, versions superseded in a burst before their analysis ran,
// the work started ahead of the debounce); the other sees only whole
// texts. Any reuse of a previous version's results must keep this test
// passing.
//
// The files are the rule testdata and the examples (each has diagnostics
// to keep right); BUFLSP_EDIT_CORPUS names a folder of more files to type
// into (docs/lsp.md gives the run over the real-code corpus).
func TestEditsMatchFromScratch(t *testing.T) {
	files := editFiles(t, "../testdata/rules", "../examples")
	if dir := os.Getenv("BUFLSP_EDIT_CORPUS"); dir != "" {
		files = append(files, editFiles(t, dir)...)
	}
	if len(files) < 30 {
		t.Fatalf("only %d files to edit", len(files))
	}
	edits := 8
	if testing.Short() {
		edits = 4
	}
	r := rand.New(rand.NewPCG(16, uint64(len(files))))
	compared, withDiags := 0, 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		u := protocol.DocumentURI("file:///work/" + filepath.Base(path))
		n, d := editAndCompare(t, r, u, string(src), edits)
		compared += n
		withDiags += d
	}
	// The comparison must have had something to compare.
	if compared < 2*len(files) || withDiags < compared/10 {
		t.Errorf("%d versions compared over %d files, %d of them with diagnostics: too few", compared, len(files), withDiags)
	}
	t.Logf("%d versions of %d files compared, %d with diagnostics", compared, len(files), withDiags)
}

// editFiles lists the Lua files under the roots whose text is valid UTF-8
// (the client below counts UTF-16 units of runes).
func editFiles(t *testing.T, roots ...string) []string {
	var out []string
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".lua") || strings.HasSuffix(path, ".luau")) {
				return err
			}
			if src, err := os.ReadFile(path); err == nil && utf8.Valid(src) && len(src) < 200_000 {
				out = append(out, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// editAndCompare opens text as u in one server, applies edits random edits
// (alone or in bursts, some notifications carrying several changes), and
// after each burst compares the published diagnostics with those of a
// second server that opens the same text as a new document. It returns how
// many versions it compared and how many of them had diagnostics.
func editAndCompare(t *testing.T, r *rand.Rand, u protocol.DocumentURI, text string, edits int) (compared, withDiags int) {
	t.Helper()
	ed := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	ref := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	defer ed.shutdownAndExit()
	defer ref.shutdownAndExit()
	ed.open(u, text)
	ed.diagnosticsFor(u, 1)
	version := int32(1)
	for done := 0; done < edits; {
		burst := 1
		if r.IntN(4) == 0 {
			burst = 2 + r.IntN(4) // versions superseded before they are analysed
		}
		for range burst {
			var changes []any
			for range 1 + r.IntN(3)*r.IntN(2) {
				var change map[string]any
				text, change = randomEdit(r, text)
				changes = append(changes, change)
			}
			version++
			ed.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": u, "version": version}, "contentChanges": changes})
			done++
		}
		got := ed.diagnosticsFor(u, version)
		if version > 2 {
			ref.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": u}})
		}
		ref.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": u, "languageId": "lua", "version": version, "text": text}})
		want := ref.diagnosticsFor(u, version)
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Fatalf("%s version %d: after the edits the server publishes\n%s\nbut the text opened afresh gives\n%s\ntext:\n%s", u, version, g, w, text)
		}
		compared++
		if len(want) > 0 {
			withDiags++
		}
	}
	return compared, withDiags
}

// editSnippets are what the random edits type: pieces of Lua that open and
// close blocks, calls, strings and comments, buffer method calls, and
// characters outside the ASCII range (two UTF-16 units for the emoji).
var editSnippets = []string{
	"x", "local ", " = ", "buf", ":put(", ")", "(", "end", "\n", " ", "\"", "'", "--", "[[", "]]",
	"function f() ", "if x then ", "for i = 1, 3 do ", "return ", ":tostring()", ".", ",", "1",
	"local b = require('string.buffer').new()\n", "b:put(b)\n", "é", "😀", "\t", "..", "{", "}",
}

// randomEdit makes one change of text: an insertion, a deletion, a
// replacement, or a copy of another part of the text, at rune boundaries.
// It returns the new text and the change as the client sends it, with its
// range in UTF-16 positions of the old text.
func randomEdit(r *rand.Rand, text string) (string, map[string]any) {
	start := runeBoundary(text, r.IntN(len(text)+1))
	end := start
	var ins string
	switch r.IntN(4) {
	case 0: // type
		ins = editSnippets[r.IntN(len(editSnippets))]
	case 1: // delete
		end = runeBoundary(text, min(len(text), start+1+r.IntN(12)))
	case 2: // replace
		end = runeBoundary(text, min(len(text), start+1+r.IntN(6)))
		ins = editSnippets[r.IntN(len(editSnippets))]
	default: // paste a piece of the file
		a := runeBoundary(text, r.IntN(len(text)+1))
		b := runeBoundary(text, min(len(text), a+r.IntN(80)))
		ins = text[a:b]
	}
	change := map[string]any{
		"range": map[string]any{"start": utf16Position(text, start), "end": utf16Position(text, end)},
		"text":  ins,
	}
	return text[:start] + ins + text[end:], change
}

// runeBoundary moves off back to the start of the rune it falls in, and
// off the middle of a "\r\n".
func runeBoundary(text string, off int) int {
	for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
		off--
	}
	if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
		off--
	}
	return off
}

// utf16Position is the LSP position of byte offset off: lines end at
// "\n", "\r\n" or "\r", characters count UTF-16 units. It is written here
// independently of the server's Mapper, which it checks.
func utf16Position(text string, off int) map[string]any {
	line, col := 0, 0
	for i, c := range text[:off] {
		switch {
		case c == '\n':
			line, col = line+1, 0
		case c == '\r' && (i+1 >= len(text) || text[i+1] != '\n'):
			line, col = line+1, 0
		case c == '\r':
		default:
			col += len(utf16.Encode([]rune{c}))
		}
	}
	return map[string]any{"line": line, "character": col}
}

// TestUTF16Position pins the helper above, since the test trusts it.
func TestUTF16Position(t *testing.T) {
	text := "a\r\nbé😀c\rd\n"
	for _, c := range []struct{ off, line, char int }{{0, 0, 0}, {1, 0, 1}, {3, 1, 0}, {6, 1, 2}, {10, 1, 4}, {11, 1, 5}, {12, 2, 0}, {14, 3, 0}} {
		p := utf16Position(text, c.off)
		if p["line"] != c.line || p["character"] != c.char {
			t.Errorf("offset %d: got %v, want line %d character %d", c.off, p, c.line, c.char)
		}
	}
	if got := fmt.Sprint(runeBoundary(text, 2), runeBoundary(text, 5)); got != "1 4" {
		t.Errorf("runeBoundary: got %s, want 1 4", got)
	}
}
