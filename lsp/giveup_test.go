package lsp

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// TestReplacedVersionGivesUp checks what happens to the analysis of a
// version replaced before its index was built: with no request waiting,
// the parse and inference are given up, the version never serves as a base
// for stale answers, and a request reaching it late gets ContentModified;
// with a request waiting (hold), the analysis completes and answers with
// its types.
func TestReplacedVersionGivesUp(t *testing.T) {
	text := []byte(bigDocument(20_000))
	newAn := func() *analyzer { return newAnalyzer(newCPUBudget(1)) }

	dropped := newSnapshot(testURI, 2, text, nil, newAn())
	dropped.supersede()
	ix, err := dropped.indexCtx(context.Background())
	var rpcErr *jsonrpc2.Error
	if ix != nil || !errors.As(err, &rpcErr) || rpcErr.Code != protocol.CodeContentModified {
		t.Fatalf("index of a replaced version: %v, %v; want ContentModified", ix != nil, err)
	}
	if !dropped.parsed.Stopped() || dropped.indexReady() {
		t.Errorf("replaced version: analysis stopped %v, index ready %v; want stopped and not ready", dropped.parsed.Stopped(), dropped.indexReady())
	}

	kept := newSnapshot(testURI, 2, text, nil, newAn())
	release := kept.hold()
	kept.supersede()
	ix, err = kept.indexCtx(context.Background())
	release()
	if err != nil || ix == nil || ix.types == nil || kept.parsed.Stopped() {
		t.Fatalf("index of a replaced version a request held: %v, %v; want the whole index", ix != nil, err)
	}
	if !kept.indexReady() {
		t.Errorf("a version analysed to its end is not ready as a base")
	}
	name := "v" + itoa(bigFunctions(20_000)-1)
	o := ix.occurrenceAt(bytes.Index(text, []byte("local "+name+" ")) + len("local "))
	if o == nil || ix.valueAt(o).Describe() != "string.buffer" {
		t.Errorf("the held version's index does not know %s as a string.buffer", name)
	}
}
