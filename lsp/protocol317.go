package lsp

// This file defines the LSP 3.17 wire types the server uses and that
// go.lsp.dev/protocol v0.12.0 (LSP 3.15/3.16) does not have. They follow the
// 3.17 specification's field names exactly.

import "go.lsp.dev/protocol"

// methodInlayHint is the 3.17 request for inlay hints.
const methodInlayHint = "textDocument/inlayHint"

// inlayHintParams are the params of textDocument/inlayHint.
type inlayHintParams struct {
	TextDocument protocol.TextDocumentIdentifier `json:"textDocument"`
	Range        protocol.Range                  `json:"range"`
}

// inlayHintKind: 1 for a type hint, 2 for a parameter-name hint.
type inlayHintKind int

const (
	inlayHintType      inlayHintKind = 1
	inlayHintParameter inlayHintKind = 2
)

// inlayHint is one hint; Label is a plain string here (the specification
// also allows label parts, which the server does not use).
type inlayHint struct {
	Position     protocol.Position `json:"position"`
	Label        string            `json:"label"`
	Kind         inlayHintKind     `json:"kind,omitempty"`
	Tooltip      string            `json:"tooltip,omitempty"`
	PaddingLeft  bool              `json:"paddingLeft,omitempty"`
	PaddingRight bool              `json:"paddingRight,omitempty"`
}
