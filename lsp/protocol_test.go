package lsp

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

const testURI = protocol.DocumentURI("file:///work/test.lua")

func TestLifecycleExitCodes(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	if code := c.shutdownAndExit(); code != 0 {
		t.Errorf("exit after shutdown: code %d, want 0", code)
	}

	c2 := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	c2.notify("exit", nil)
	select {
	case err := <-c2.done:
		c2.done <- err
	case <-time.After(waitTimeout):
		t.Fatal("server did not stop on exit")
	}
	if code := c2.server.ExitCode(); code != 1 {
		t.Errorf("exit without shutdown: code %d, want 1", code)
	}
}

func TestRequestsBeforeInitializeAndAfterShutdown(t *testing.T) {
	c := startClient(t, Options{NoWorkspaceScan: true})
	err := c.call("textDocument/hover", posParams(testURI, 0, 0), nil)
	var re *rpcError
	if !errors.As(err, &re) || re.Code != -32002 {
		t.Fatalf("hover before initialize: got %v, want error -32002", err)
	}
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{}}, nil); !errors.As(err, &re) || re.Code != -32600 {
		t.Fatalf("second initialize: got %v, want error -32600", err)
	}
	if err := c.call("shutdown", nil, nil); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if err := c.call("textDocument/hover", posParams(testURI, 0, 0), nil); !errors.As(err, &re) || re.Code != -32600 {
		t.Fatalf("hover after shutdown: got %v, want error -32600", err)
	}
}

func TestMalformedAndUnknownMessages(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	var re *rpcError

	// Not JSON at all: a parse error with a null id, and the server lives on.
	c.raw(`{"jsonrpc":"2.0","id":`)
	c.waitFor("parse error reply", func() bool {
		for _, n := range c.notes {
			if n.Error != nil && n.Error.Code == -32700 && string(n.ID) == "null" {
				return true
			}
		}
		return false
	})
	// Valid JSON of the wrong shape: still a parse error, naming the id.
	c.raw(`{"jsonrpc":"2.0","id":77,"method":12}`)
	c.waitFor("parse error reply for id 77", func() bool {
		for _, n := range c.notes {
			if n.Error != nil && n.Error.Code == -32700 && string(n.ID) == "77" {
				return true
			}
		}
		return false
	})
	if err := c.call("buflsp/noSuchMethod", map[string]any{}, nil); !errors.As(err, &re) || re.Code != -32601 {
		t.Fatalf("unknown method: got %v, want -32601", err)
	}
	// Unknown notifications are ignored without a reply.
	c.notify("$/someClientThing", map[string]any{"x": 1})
	// Params of the wrong type.
	if err := c.call("textDocument/hover", map[string]any{"textDocument": 5}, nil); !errors.As(err, &re) || re.Code != -32602 {
		t.Fatalf("bad params: got %v, want -32602", err)
	}
	// A request on a document that was never opened and is not on disk.
	if err := c.call("textDocument/hover", posParams("file:///nowhere/missing.lua", 0, 0), nil); !errors.As(err, &re) || re.Code != -32602 || !strings.Contains(re.Message, "not open") {
		t.Fatalf("unopened document: got %v, want -32602 naming the problem", err)
	}
	// didChange for a document that is not open, and out-of-order versions.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere/x.lua", "version": 3}, "contentChanges": []any{map[string]any{"text": "x"}}})
	c.open(testURI, "local a = 1\n")
	c.diagnosticsFor(testURI, 1)
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": testURI, "version": 1}, "contentChanges": []any{map[string]any{"text": "local b = ("}}})
	// The stale change was rejected: the text is still the first version.
	var hover protocol.Hover
	if err := c.call("textDocument/hover", posParams(testURI, 0, 6), &hover); err != nil {
		t.Fatalf("hover after a rejected change: %v", err)
	}
	if !strings.Contains(hover.Contents.Value, "local a") {
		t.Errorf("hover after a rejected change = %q, want the original local a", hover.Contents.Value)
	}
	// The server still answers after all of that.
	if code := c.shutdownAndExit(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

func TestOversizedContentLength(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	// A header that claims more than the limit: the server must not allocate
	// it; it skips the body and answers with an error. Only the header and a
	// short body are sent, then the stream is closed, so Serve must end
	// without waiting forever.
	if err := c.out.WriteRaw(nil); err != nil {
		t.Fatal(err)
	}
	_, err := fmt.Fprintf(c.conn, "Content-Length: %d\r\n\r\n{}", int64(1)<<40)
	if err != nil {
		t.Fatal(err)
	}
	c.conn.Close()
	select {
	case <-c.done:
	case <-time.After(waitTimeout):
		t.Fatal("server did not stop")
	}
	c.done <- nil
}

func TestDiagnosticsVersionedAndIncremental(t *testing.T) {
	c := newClient(t, clientOptions{server: Options{NoWorkspaceScan: true}})
	c.open(testURI, "local s = 'é😀'\nlocal x = 1\n")
	if d := c.diagnosticsFor(testURI, 1); len(d) != 0 {
		t.Fatalf("version 1: unexpected diagnostics %v", d)
	}
	// Replace "1" on line 1 (UTF-16 column 10) with "(" to break the syntax.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": testURI, "version": 2},
		"contentChanges": []any{map[string]any{"range": rng(1, 10, 1, 11), "text": "("}},
	})
	d := c.diagnosticsFor(testURI, 2)
	if len(d) == 0 || d[0].Code != "syntax-error" {
		t.Fatalf("version 2: got %v, want a syntax-error", d)
	}
	if d[0].CodeDescription == nil || !strings.HasSuffix(string(d[0].CodeDescription.Href), "#syntax-error") {
		t.Errorf("codeDescription = %v, want a link to #syntax-error", d[0].CodeDescription)
	}
	// Edit after the astral character on line 0: "😀" is two UTF-16 units,
	// so the closing quote is at column 14.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": testURI, "version": 3},
		"contentChanges": []any{
			map[string]any{"range": rng(1, 10, 1, 11), "text": "2"},
			map[string]any{"range": rng(0, 14, 0, 14), "text": "!"},
		},
	})
	if d := c.diagnosticsFor(testURI, 3); len(d) != 0 {
		t.Fatalf("version 3: unexpected diagnostics %v", d)
	}
	snap := c.server.store.get(testURI)
	if got, want := string(snap.Content), "local s = 'é😀!'\nlocal x = 2\n"; got != want {
		t.Errorf("text after incremental edits = %q, want %q", got, want)
	}
}

func rng(l1, c1, l2, c2 int) map[string]any {
	return map[string]any{"start": map[string]any{"line": l1, "character": c1}, "end": map[string]any{"line": l2, "character": c2}}
}
