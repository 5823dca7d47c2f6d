package lsp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestRenameRefusesCaptureInExample renames kind to n in the shipped
// example codec, where a later "local n" would capture the use of kind on
// line 58: the server must refuse and say which lines are involved.
func TestRenameRefusesCaptureInExample(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "examples", "packet", "codec.lua"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	line := -1
	for i, l := range lines {
		if strings.Contains(l, "local kind, len = buf:get(1)") {
			line = i
		}
	}
	if line < 0 {
		t.Fatal("examples/packet/codec.lua no longer declares kind as the test expects")
	}
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	c.open(testURI, string(src))
	c.diagnosticsFor(testURI, 1)
	params := posParams(testURI, line, strings.Index(lines[line], "kind"))
	params["newName"] = "n"
	var we protocol.WorkspaceEdit
	err = c.call("textDocument/rename", params, &we)
	if err == nil || !strings.Contains(err.Error(), `renaming "kind" to "n" would make its use on line 58 refer to the local "n"`) {
		t.Fatalf("rename kind -> n: %v (edit %+v)", err, we)
	}
	params["newName"] = "frame_kind"
	if err := c.call("textDocument/rename", params, &we); err != nil || len(we.Changes[testURI]) < 2 {
		t.Errorf("rename kind -> frame_kind: %v, %d edits", err, len(we.Changes[testURI]))
	}
}
