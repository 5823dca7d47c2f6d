package lsp

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

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

// TestBurstDelaysAnalysis checks the debounce of a version: the server's
// own after an edit of an analysed version, and during a burst (the
// replaced version was not analysed yet) half the last analysis' duration,
// at most maxBurstDelay.
func TestBurstDelaysAnalysis(t *testing.T) {
	const base = 5 * time.Millisecond
	st := newStore()
	v1 := newSnapshot(testURI, 1, []byte("local x = 1\n"), nil, newAnalyzer(newCPUBudget(1)))
	st.open(v1)
	v1.Index()
	v1.ownCost.Store(int64(400 * time.Millisecond))
	edit := []contentChange{{Range: &protocol.Range{}, Text: "-- a\n"}}
	for _, c := range []struct {
		cost time.Duration // of the last completed analysis, when set
		want time.Duration
	}{
		{0, base},                        // v2 replaces v1, whose analysis completed
		{0, 200 * time.Millisecond},      // v3 replaces v2, not analysed: half of v1's 400 ms
		{3 * time.Second, maxBurstDelay}, // the same after a 3 s analysis
	} {
		if c.cost > 0 {
			st.get(testURI).lastCost.Store(int64(c.cost))
		}
		snap, _, err := st.change(testURI, st.get(testURI).Version+1, edit)
		if err != nil {
			t.Fatal(err)
		}
		if got := snap.debounce(base); got != c.want {
			t.Errorf("version %d (burst %v): debounce %v, want %v", snap.Version, snap.burst, got, c.want)
		}
	}
}

// TestHoverInBurst types a burst of edits into a large document, the last
// one declaring a new local, and hovers over that local at once: the
// version is in a burst (its analysis waits for a pause in typing), the
// hover needs that version (the name is new), and it must answer with the
// local's value without waiting for the delay. Then the last version's
// diagnostics must come.
func TestHoverInBurst(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true, Debounce: DefaultDebounce}})
	c.open(testURI, bigDocument(30_000))
	c.diagnosticsFor(testURI, 1)
	v := int32(1)
	for range 20 {
		v++
		c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": testURI, "version": v},
			"contentChanges": []any{map[string]any{"range": rng(3, 0, 3, 0), "text": "-- x\n"}}})
	}
	v++
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": testURI, "version": v},
		"contentChanges": []any{map[string]any{"range": rng(3, 0, 3, 0), "text": "local zq = sbuf\n"}}})
	var h protocol.Hover
	if err := c.call("textDocument/hover", posParams(testURI, 3, 7), &h); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.Contents.Value, "local zq: string.buffer") {
		t.Errorf("hover over a local typed in the burst: %q, want local zq: string.buffer", h.Contents.Value)
	}
	// didChange is handled before the next message is read: the store
	// holds the last version now.
	if snap := c.server.store.get(testURI); !snap.burst {
		t.Errorf("version %d after 21 quick edits of a 30,000-line file is not in a burst", snap.Version)
	}
	c.diagnosticsFor(testURI, v)
}
