package lsp

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestCPUBudget checks the slot counting: acquire waits only while every
// slot is held, tryAcquire never waits, release gives slots back, and a
// waiter whose context ends gets nothing.
func TestCPUBudget(t *testing.T) {
	b := newCPUBudget(2)
	if b.size() != 2 {
		t.Fatalf("size %d, want 2", b.size())
	}
	ctx := context.Background()
	if !b.acquire(ctx) {
		t.Fatal("acquire on an empty budget failed")
	}
	if got := b.tryAcquire(5); got != 1 {
		t.Fatalf("tryAcquire(5) with one slot free took %d", got)
	}
	if got := b.tryAcquire(1); got != 0 {
		t.Fatalf("tryAcquire(1) on a full budget took %d", got)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if b.acquire(cancelled) {
		t.Fatal("acquire with an ended context succeeded")
	}
	b.release(2)
	if got := b.tryAcquire(3); got != 2 {
		t.Fatalf("tryAcquire(3) after release took %d, want 2", got)
	}
	b.release(2)
	if newCPUBudget(0).size() != 1 {
		t.Fatal("a budget always has at least one slot")
	}
	if got, want := backgroundSlots(), max(1, runtime.GOMAXPROCS(0)-1); got != want {
		t.Fatalf("backgroundSlots() = %d, want %d", got, want)
	}
}

// TestOneSlotGivesSameDiagnostics checks that a server whose background
// analysis has one slot (rules in order, workspace files one at a time)
// publishes exactly what a server with a slot per core publishes: for every
// rule case file of testdata/rules opened at once, and for the same files
// found by the workspace scan.
func TestOneSlotGivesSameDiagnostics(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", "testdata", "rules"))
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(root, "*", "*.lua"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no rule case files: %v", err)
	}
	run := func(slots int) (open, scanned map[protocol.DocumentURI][]protocol.Diagnostic) {
		c := newClient(t, clientOptions{rootURI: string(uri.File(root)), server: Options{backgroundSlots: slots}})
		c.waitScan()
		scanned = map[protocol.DocumentURI][]protocol.Diagnostic{}
		for _, p := range paths {
			u := protocol.DocumentURI(uri.File(p))
			ps := c.diags[u]
			if len(ps) == 0 || ps[len(ps)-1].Version != nil {
				t.Fatalf("%d slots: no workspace diagnostics for %s", slots, p)
			}
			scanned[u] = ps[len(ps)-1].Diagnostics
		}
		open = map[protocol.DocumentURI][]protocol.Diagnostic{}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			c.open(protocol.DocumentURI(uri.File(p)), string(src))
		}
		for _, p := range paths {
			u := protocol.DocumentURI(uri.File(p))
			open[u] = c.diagnosticsFor(u, 1)
		}
		return open, scanned
	}
	oneOpen, oneScanned := run(1)
	allOpen, allScanned := run(max(2, runtime.GOMAXPROCS(0)))
	total := 0
	for _, ds := range oneOpen {
		total += len(ds)
	}
	if total == 0 {
		t.Fatal("no diagnostics at all for the rule case files")
	}
	if !reflect.DeepEqual(oneOpen, allOpen) {
		t.Error("open documents: one slot and a slot per core published different diagnostics")
	}
	if !reflect.DeepEqual(oneScanned, allScanned) {
		t.Error("workspace scan: one slot and a slot per core published different diagnostics")
	}
	if !reflect.DeepEqual(oneOpen, oneScanned) {
		t.Error("the same files gave different diagnostics open and scanned")
	}
}
