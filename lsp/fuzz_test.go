package lsp

import (
	"context"
	"encoding/json"
	"sort"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.uber.org/zap"
)

type discardWriter struct{}

func (discardWriter) Write(b []byte) (int, error) { return len(b), nil }

// FuzzRequest sends arbitrary params to every request and notification the
// server routes (but evaluation, which runs code by design), on a server with an open document whose text is fuzzed too.
// Nothing may panic past the per-request recovery, and every request must
// produce a reply (result or error) without hanging.
func FuzzRequest(f *testing.F) {
	f.Add(uint8(0), []byte(`{"textDocument":{"uri":"file:///t.lua"},"position":{"line":1,"character":5}}`), []byte("local M = require('string.buffer')\nlocal b = M.new()\nb:put(1)\n"))
	f.Add(uint8(3), []byte(`{"textDocument":{"uri":"file:///t.lua"},"range":{"start":{"line":0,"character":0},"end":{"line":99,"character":0}},"context":{"diagnostics":[]}}`), []byte("local x = = 1\n"))
	f.Add(uint8(7), []byte(`{"textDocument":{"uri":"file:///t.lua","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":3},"end":{"line":0,"character":1}},"text":"é😀"}]}`), []byte("abc\r\ndef"))
	f.Add(uint8(9), []byte(`null`), []byte(""))
	f.Add(uint8(11), []byte(`{"textDocument":{"uri":"file:///t.lua"},"position":{"line":0,"character":4},"newName":"y"}`), []byte("local x = 1 print(x)"))
	f.Fuzz(func(t *testing.T, which uint8, params, text []byte) {
		s := NewServer(Options{Logger: zap.NewNop(), Debounce: 1 << 40, NoWorkspaceScan: true})
		s.ctx, s.cancel = context.WithCancel(context.Background())
		defer s.cancel()
		s.out = &frameWriter{out: discardWriter{}}
		s.state = stateRunning
		snap := newSnapshot("file:///t.lua", 1, text, s.config(), s.an)
		s.store.open(snap)
		methods := make([]string, 0, len(s.routes))
		for m := range s.routes {
			if m != "initialize" && m != "shutdown" && m != "initialized" && m != "workspace/didChangeConfiguration" && m != "workspace/executeCommand" {
				methods = append(methods, m)
			}
		}
		sort.Strings(methods)
		method := methods[int(which)%len(methods)]
		if !json.Valid(params) {
			params = []byte("null")
		}
		id := jsonrpc2.NewNumberID(1)
		s.run(s.ctx, method, s.routes[method], params, &id)
		s.sched.stop()
	})
}
