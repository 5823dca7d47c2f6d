package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// TestDiskFilesFollowTheirDependencies checks, through the protocol, that
// the files of the workspace the editor does not have open get their
// diagnostics again when a file they depend on changes its summary: a
// module whose function starts returning a buffer (its requirer's
// findings change), a caller that starts passing a buffer to another
// module's function (that module's findings change), and back, and a
// module deleted on disk.
func TestDiskFilesFollowTheirDependencies(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"lib.lua":   "local M = {}\nfunction M.make() return {} end\nreturn M\n",
		"user.lua":  "local lib = require(\"lib\")\nlocal o = lib.make()\no.put(\"x\")\nreturn o\n",
		"sink.lua":  "local S = {}\nfunction S.frame(out) out.put(\"x\") end\nreturn S\n",
		"main.lua":  "local sink = require(\"sink\")\nsink.frame({})\n",
		"maker.lua": "local buffer = require(\"string.buffer\")\nreturn { make = function() return buffer.new() end }\n",
		"user2.lua": "local maker = require(\"maker\")\nlocal b = maker.make()\nb.put(\"x\")\nreturn b\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := newClient(t, clientOptions{rootURI: string(uri.File(dir))})
	c.waitScan()
	lib, user := uri.File(filepath.Join(dir, "lib.lua")), uri.File(filepath.Join(dir, "user.lua"))
	sink, main := uri.File(filepath.Join(dir, "sink.lua")), uri.File(filepath.Join(dir, "main.lua"))
	// latest is the rules of the last diagnostics published for a file
	// that is not open (no version). The caller holds c.mu.
	latest := func(u protocol.DocumentURI) string {
		ps := c.diags[u]
		for i := len(ps) - 1; i >= 0; i-- {
			if ps[i].Version == nil {
				var rules []string
				for _, d := range ps[i].Diagnostics {
					rules = append(rules, fmt.Sprint(d.Code))
				}
				return strings.Join(rules, ",")
			}
		}
		return ""
	}
	c.mu.Lock()
	if got := latest(user) + latest(sink); got != "" {
		t.Errorf("findings before any buffer reaches the files: %q", got)
	}
	c.mu.Unlock()

	// A module deleted on disk: the file requiring it loses what it knew.
	user2 := uri.File(filepath.Join(dir, "user2.lua"))
	c.waitFor("user2.lua's finding from maker.lua", func() bool { return latest(user2) == "method-call-with-dot" })
	if err := os.Remove(filepath.Join(dir, "maker.lua")); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{
		map[string]any{"uri": uri.File(filepath.Join(dir, "maker.lua")), "type": 3},
	}})
	c.waitFor("user2.lua without findings once maker.lua is deleted", func() bool { return latest(user2) == "" })

	makesBuffer := "local buffer = require(\"string.buffer\")\nlocal M = {}\nfunction M.make() return buffer.new() end\nreturn M\n"
	c.open(lib, makesBuffer)
	c.waitFor("user.lua's finding once lib.make returns a buffer", func() bool {
		return latest(user) == "method-call-with-dot"
	})
	c.open(main, "local buffer = require(\"string.buffer\")\nlocal sink = require(\"sink\")\nsink.frame(buffer.new())\n")
	c.waitFor("sink.lua's finding once main.lua passes it a buffer", func() bool {
		return latest(sink) == "method-call-with-dot"
	})
	// lib.lua back to returning a table: user.lua's finding goes away.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": lib, "version": 2},
		"contentChanges": []any{map[string]any{"text": files["lib.lua"]}},
	})
	c.waitFor("user.lua without findings again", func() bool {
		return latest(user) == "" && len(c.diags[user]) >= 3
	})
	c.mu.Lock()
	if got := latest(sink); got != "method-call-with-dot" {
		t.Errorf("sink.lua lost its finding when lib.lua changed: %q", got)
	}
	c.mu.Unlock()
	if code := c.shutdownAndExit(); code != 0 {
		t.Fatalf("exit code %d", code)
	}
}
