// Package lsp is the buflsp language server: the transport (JSON-RPC over a
// byte stream), the versioned document store, the scheduling of analysis off
// the request loop, and one thin handler file per LSP feature.
//
// Invariant: this is the only package of buflsp that imports go.lsp.dev. The
// analyzer speaks byte offsets; every conversion to LSP's (line, UTF-16
// character) positions goes through the Mapper in mapper.go, and nowhere else.
//
// The server targets LSP 3.16 through go.lsp.dev/protocol v0.12.0. The few 3.17
// messages it answers (inlay hints) have their wire types defined in
// protocol317.go and are routed by the same method table as everything else.
package lsp
