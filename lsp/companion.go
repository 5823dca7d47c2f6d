package lsp

// Companion mode: most users already run lua-language-server or luau-lsp,
// which complete names, hover symbols, rename, list symbols and colour the
// code. Next to one of them, buflsp keeps to what only it knows (its
// diagnostics and fixes, hovers and completions on buffer values and the
// buffer APIs, signature help, evaluation) so the editor shows nothing
// twice. The client turns it on with {"companion": true} in
// initializationOptions; the VS Code extension does so when the
// sumneko.lua or JohnnyMorganz.luau-lsp extension is installed. It is read
// once, at initialize, because capabilities cannot be withdrawn later.

import (
	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis/semantic"
)

// companionOff lists the methods another Lua server already answers; in
// companion mode their capabilities are not announced.
func companionOff(method string) bool {
	switch method {
	case protocol.MethodTextDocumentDefinition,
		protocol.MethodTextDocumentReferences,
		protocol.MethodTextDocumentDocumentHighlight,
		protocol.MethodTextDocumentRename,
		protocol.MethodTextDocumentDocumentSymbol,
		protocol.MethodWorkspaceSymbol,
		protocol.MethodSemanticTokensFull:
		return true
	}
	return false
}

// companion reports whether the session runs in companion mode.
func (s *Server) companion() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client.companion
}

// isBufferValue reports whether a hover on a name with this value tells
// something only buflsp knows: a buffer, a view, a pointer, a buffer module
// or library, or one of their functions.
func isBufferValue(v value) bool {
	return v.t.Kind >= semantic.SBufModule
}
