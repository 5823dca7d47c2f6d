package lsp

import (
	"encoding/json"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// TestCompanionMode starts the server alone and as a companion on the same
// file: alone it announces everything and completes and hovers plain
// names; as a companion it announces no definition, references,
// highlights, rename, symbols or semantic tokens, offers no plain names and
// does not hover plain symbols, but still hovers and completes buffers,
// publishes diagnostics and offers its fixes and evaluation.
func TestCompanionMode(t *testing.T) {
	text := "local buffer = require(\"string.buffer\")\nlocal count = 1\nlocal out = buffer.new()\nout.put(count)\nlocal c = co\n"
	general := []string{"definitionProvider", "referencesProvider", "documentHighlightProvider", "renameProvider",
		"documentSymbolProvider", "workspaceSymbolProvider", "semanticTokensProvider"}
	kept := []string{"hoverProvider", "completionProvider", "signatureHelpProvider", "codeActionProvider", "executeCommandProvider", "inlayHintProvider"}
	for _, companion := range []bool{false, true} {
		c := startClient(t, Options{NoWorkspaceScan: true})
		var res struct {
			Capabilities map[string]json.RawMessage `json:"capabilities"`
		}
		params := map[string]any{"capabilities": defaultCapabilities(), "initializationOptions": map[string]any{"companion": companion}}
		if err := c.call("initialize", params, &res); err != nil {
			t.Fatal(err)
		}
		c.notify("initialized", map[string]any{})
		for _, name := range general {
			if _, ok := res.Capabilities[name]; ok == companion {
				t.Errorf("companion=%v: %s announced=%v", companion, name, ok)
			}
		}
		for _, name := range kept {
			if _, ok := res.Capabilities[name]; !ok {
				t.Errorf("companion=%v: %s not announced", companion, name)
			}
		}
		c.open(testURI, text)
		if d := c.diagnosticsFor(testURI, 1); len(d) == 0 || d[0].Code != "method-call-with-dot" {
			t.Errorf("companion=%v: diagnostics %v", companion, d)
		}
		hoverText := func(line, char int) string {
			var h *protocol.Hover
			if err := c.call("textDocument/hover", posParams(testURI, line, char), &h); err != nil {
				t.Fatal(err)
			}
			if h == nil {
				return ""
			}
			return h.Contents.Value
		}
		if got := hoverText(1, 7); (got == "") != companion {
			t.Errorf("companion=%v: hover on the plain local count = %q", companion, got)
		}
		if got := hoverText(2, 7); !strings.Contains(got, "string.buffer") {
			t.Errorf("companion=%v: hover on the buffer out = %q", companion, got)
		}
		complete := func(line, char int) []string {
			var list protocol.CompletionList
			if err := c.call("textDocument/completion", posParams(testURI, line, char), &list); err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, it := range list.Items {
				labels = append(labels, it.Label)
			}
			return labels
		}
		if got := complete(4, 12); (len(got) == 0) != companion {
			t.Errorf("companion=%v: completion of a plain name: %v", companion, got)
		}
		if got := complete(2, 19); !contains(got, "new") {
			t.Errorf("companion=%v: completion after buffer. lacks new: %v", companion, got)
		}
		var actions []protocol.CodeAction
		if err := c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": testURI},
			"range":   protocol.Range{Start: protocol.Position{Line: 3, Character: 0}, End: protocol.Position{Line: 3, Character: 14}},
			"context": map[string]any{"diagnostics": []any{}}}, &actions); err != nil || len(actions) == 0 {
			t.Errorf("companion=%v: code actions %v %v", companion, actions, err)
		}
		c.shutdownAndExit()
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
