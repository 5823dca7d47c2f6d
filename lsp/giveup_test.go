package lsp

import (
	"bytes"
	"context"
	"errors"
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
