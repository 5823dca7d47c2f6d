package lsp

// This file is the scripted client the protocol tests and benchmarks use: it
// runs a Server in-process on one end of a net.Pipe and speaks the wire
// protocol on the other, exactly as an editor would (frames, JSON, ids).

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap/zaptest"
)

// waitTimeout bounds every wait of the harness.
const waitTimeout = 20 * time.Second

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("rpc error %d: %s", e.Code, e.Message) }

type inbound struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *rpcError       `json:"error"`
}

type testClient struct {
	tb     testing.TB
	conn   net.Conn
	in     *frameReader
	out    *frameWriter
	server *Server
	done   chan error

	mu        sync.Mutex
	nextID    int
	waiting   map[string]chan inbound
	diags     map[protocol.DocumentURI][]publishParams
	notes     []inbound // every notification, in order
	serverReq []inbound // every request the server sent
	changed   chan struct{}
	// config answers workspace/configuration requests.
	config json.RawMessage
	// patience bounds waitFor (waitTimeout unless a benchmark needs more).
	patience time.Duration
}

type clientOptions struct {
	server       Options
	initOptions  any
	capabilities map[string]any
	rootURI      string
	config       json.RawMessage
}

// newClient starts a server and runs initialize/initialized.
func newClient(tb testing.TB, o clientOptions) *testClient {
	tb.Helper()
	c := startClient(tb, o.server)
	c.config = o.config
	caps := o.capabilities
	if caps == nil {
		caps = defaultCapabilities()
	}
	params := map[string]any{"processId": nil, "capabilities": caps, "clientInfo": map[string]any{"name": "buflsp-test"}}
	if o.initOptions != nil {
		params["initializationOptions"] = o.initOptions
	}
	if o.rootURI != "" {
		params["rootUri"] = o.rootURI
	}
	if err := c.call("initialize", params, nil); err != nil {
		tb.Fatalf("initialize: %v", err)
	}
	c.notify("initialized", map[string]any{})
	return c
}

func defaultCapabilities() map[string]any {
	return map[string]any{
		"window":    map[string]any{"workDoneProgress": true},
		"workspace": map[string]any{"configuration": false},
		"textDocument": map[string]any{
			"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": true}},
			"hover":      map[string]any{"contentFormat": []string{"markdown", "plaintext"}},
		},
	}
}

// startClient starts a server without initializing it.
func startClient(tb testing.TB, opts Options) *testClient {
	tb.Helper()
	if opts.Logger == nil {
		if t, ok := tb.(*testing.T); ok {
			opts.Logger = zaptest.NewLogger(t)
		}
	}
	if opts.Debounce == 0 {
		opts.Debounce = time.Millisecond
	}
	opts.NoWorkspaceScan = opts.NoWorkspaceScan || false
	serverEnd, clientEnd := net.Pipe()
	c := &testClient{
		tb: tb, conn: clientEnd, in: newFrameReader(clientEnd), out: &frameWriter{out: clientEnd},
		server: NewServer(opts), done: make(chan error, 1),
		waiting: map[string]chan inbound{}, diags: map[protocol.DocumentURI][]publishParams{},
		changed: make(chan struct{}, 1), patience: waitTimeout,
	}
	go func() {
		c.done <- c.server.Serve(context.Background(), serverEnd)
		serverEnd.Close()
	}()
	go c.readLoop()
	tb.Cleanup(func() {
		clientEnd.Close()
		select {
		case <-c.done:
		case <-time.After(waitTimeout):
			tb.Errorf("server did not stop after the connection closed")
		}
	})
	return c
}

func (c *testClient) readLoop() {
	for {
		body, err := c.in.Read()
		if err != nil {
			return
		}
		var msg inbound
		if err := json.Unmarshal(body, &msg); err != nil {
			c.tb.Errorf("server sent malformed JSON: %v: %s", err, body)
			return
		}
		switch {
		case msg.Method != "" && len(msg.ID) > 0:
			c.mu.Lock()
			c.serverReq = append(c.serverReq, msg)
			c.mu.Unlock()
			c.answerServer(msg)
		case msg.Method != "":
			c.mu.Lock()
			c.notes = append(c.notes, msg)
			if msg.Method == "textDocument/publishDiagnostics" {
				var p publishParams
				if err := json.Unmarshal(msg.Params, &p); err == nil {
					c.diags[p.URI] = append(c.diags[p.URI], p)
				}
			}
			c.mu.Unlock()
			select {
			case c.changed <- struct{}{}:
			default:
			}
		default:
			c.mu.Lock()
			ch := c.waiting[string(msg.ID)]
			delete(c.waiting, string(msg.ID))
			c.mu.Unlock()
			if ch != nil {
				ch <- msg
			} else {
				c.mu.Lock()
				c.notes = append(c.notes, msg) // a response nobody waits for (e.g. to a malformed message)
				c.mu.Unlock()
				select {
				case c.changed <- struct{}{}:
				default:
				}
			}
		}
	}
}

// answerServer replies to the server's own requests the way editors do.
func (c *testClient) answerServer(msg inbound) {
	var result any
	if msg.Method == "workspace/configuration" {
		cfg := c.config
		if cfg == nil {
			cfg = json.RawMessage("null")
		}
		result = []json.RawMessage{cfg}
	}
	body, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": msg.ID, "result": result})
	if err := c.out.WriteRaw(body); err != nil {
		c.tb.Logf("answering %s: %v", msg.Method, err)
	}
}

// send writes a request and returns the channel its response arrives on.
func (c *testClient) send(method string, params any) (string, chan inbound) {
	c.mu.Lock()
	c.nextID++
	id := fmt.Sprint(c.nextID)
	ch := make(chan inbound, 1)
	c.waiting[id] = ch
	c.mu.Unlock()
	body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": c.nextIDValue(id), "method": method, "params": params})
	if err != nil {
		c.tb.Fatalf("encoding %s: %v", method, err)
	}
	if err := c.out.WriteRaw(body); err != nil {
		c.tb.Fatalf("sending %s: %v", method, err)
	}
	return id, ch
}

func (c *testClient) nextIDValue(id string) json.RawMessage { return json.RawMessage(id) }

// call sends a request and decodes its result into result (when not nil).
// A JSON-RPC error comes back as *rpcError.
func (c *testClient) call(method string, params, result any) error {
	c.tb.Helper()
	_, ch := c.send(method, params)
	return c.await(method, ch, result)
}

func (c *testClient) await(method string, ch chan inbound, result any) error {
	c.tb.Helper()
	select {
	case msg := <-ch:
		if msg.Error != nil {
			return msg.Error
		}
		if result != nil {
			if err := json.Unmarshal(msg.Result, result); err != nil {
				c.tb.Fatalf("decoding %s result %s: %v", method, msg.Result, err)
			}
		}
		return nil
	case <-time.After(waitTimeout):
		c.tb.Fatalf("%s: no response within %v", method, waitTimeout)
		return nil
	}
}

func (c *testClient) notify(method string, params any) {
	c.tb.Helper()
	body, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
	if err != nil {
		c.tb.Fatalf("encoding %s: %v", method, err)
	}
	if err := c.out.WriteRaw(body); err != nil {
		c.tb.Fatalf("sending %s: %v", method, err)
	}
}

// raw sends a body as one frame, whatever it contains.
func (c *testClient) raw(body string) {
	c.tb.Helper()
	if err := c.out.WriteRaw([]byte(body)); err != nil {
		c.tb.Fatalf("sending raw frame: %v", err)
	}
}

// waitFor blocks until cond (called with the lock held) is true.
func (c *testClient) waitFor(what string, cond func() bool) {
	c.tb.Helper()
	deadline := time.After(c.patience)
	for {
		c.mu.Lock()
		ok := cond()
		c.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-c.changed:
		case <-time.After(5 * time.Millisecond):
		case <-deadline:
			c.tb.Fatalf("timed out waiting for %s", what)
		}
	}
}

// scanEnded reports whether the server has sent the end of its workspace
// scan's progress. The caller holds c.mu (waitFor's condition does).
func (c *testClient) scanEnded() bool {
	for _, n := range c.notes {
		if n.Method == "$/progress" && strings.Contains(string(n.Params), `"kind":"end"`) {
			return true
		}
	}
	return false
}

// waitScan waits for the end of the workspace scan.
func (c *testClient) waitScan() {
	c.tb.Helper()
	c.waitFor("workspace analysis", c.scanEnded)
}

// diagnosticsFor waits for diagnostics of u at version and returns them.
func (c *testClient) diagnosticsFor(u protocol.DocumentURI, version int32) []protocol.Diagnostic {
	c.tb.Helper()
	var got []protocol.Diagnostic
	c.waitFor(fmt.Sprintf("diagnostics of %s version %d", u, version), func() bool {
		for _, p := range c.diags[u] {
			if p.Version != nil && *p.Version == version {
				got = p.Diagnostics
				return true
			}
		}
		return false
	})
	return got
}

func (c *testClient) open(u protocol.DocumentURI, text string) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": u, "languageId": "lua", "version": 1, "text": text}})
}

func (c *testClient) shutdownAndExit() int {
	c.tb.Helper()
	if err := c.call("shutdown", nil, nil); err != nil {
		c.tb.Fatalf("shutdown: %v", err)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		c.done <- err
		if err != nil {
			c.tb.Fatalf("Serve returned %v", err)
		}
	case <-time.After(waitTimeout):
		c.tb.Fatalf("server did not stop after exit")
	}
	return c.server.ExitCode()
}

func posParams(u protocol.DocumentURI, line, char int) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": u}, "position": map[string]any{"line": line, "character": char}}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
