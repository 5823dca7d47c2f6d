package lsp

// This file maps each feature method to the server capability that announces
// it. initialize sets a capability only when its method is in the route
// table.

import (
	"strconv"

	"go.lsp.dev/protocol"
)

type capabilityFeature struct {
	method string
	set    func(c *serverCapabilities)
}

func capabilityFeatures(s *Server) []capabilityFeature {
	return []capabilityFeature{
		{protocol.MethodTextDocumentHover, func(c *serverCapabilities) { c.HoverProvider = true }},
		{protocol.MethodTextDocumentCompletion, func(c *serverCapabilities) {
			c.CompletionProvider = &protocol.CompletionOptions{TriggerCharacters: []string{".", ":"}, ResolveProvider: true}
		}},
		{protocol.MethodTextDocumentSignatureHelp, func(c *serverCapabilities) {
			c.SignatureHelpProvider = &protocol.SignatureHelpOptions{TriggerCharacters: []string{"(", ","}, RetriggerCharacters: []string{","}}
		}},
		{protocol.MethodTextDocumentDefinition, func(c *serverCapabilities) { c.DefinitionProvider = true }},
		{protocol.MethodTextDocumentReferences, func(c *serverCapabilities) { c.ReferencesProvider = true }},
		{protocol.MethodTextDocumentDocumentHighlight, func(c *serverCapabilities) { c.DocumentHighlightProvider = true }},
		{protocol.MethodTextDocumentRename, func(c *serverCapabilities) {
			c.RenameProvider = &protocol.RenameOptions{PrepareProvider: true}
		}},
		{protocol.MethodTextDocumentDocumentSymbol, func(c *serverCapabilities) { c.DocumentSymbolProvider = true }},
		{protocol.MethodWorkspaceSymbol, func(c *serverCapabilities) { c.WorkspaceSymbolProvider = true }},
		{protocol.MethodTextDocumentCodeAction, func(c *serverCapabilities) {
			c.CodeActionProvider = &protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, FixAllKind}}
		}},
		{methodInlayHint, func(c *serverCapabilities) { c.InlayHintProvider = true }},
		{protocol.MethodWorkspaceExecuteCommand, setExecuteCommandProvider},
		{protocol.MethodTextDocumentCodeLens, setCodeLensProvider},
		{protocol.MethodSemanticTokensFull, func(c *serverCapabilities) {
			c.SemanticTokensProvider = map[string]any{
				"legend": protocol.SemanticTokensLegend{TokenTypes: semanticTokenTypes(), TokenModifiers: semanticTokenModifiers()},
				"full":   true,
				"range":  false,
			}
		}},
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
