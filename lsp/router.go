package lsp

// This file is the method table: every LSP method the server answers, with the
// Go type its params decode into. Decoding lives here once, so that handlers
// receive typed params and return typed results; a params object that does not
// decode is answered with InvalidParams before any handler runs.

import (
	"context"
	"encoding/json"
	"fmt"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// route is one entry of the method table.
type route struct {
	notify bool // a notification: no reply
	inline bool // a request that must run on the read loop (it changes the session state)
	handle func(ctx context.Context, s *Server, params json.RawMessage) (any, error)
}

// request adapts a typed request handler.
func request[P, R any](fn func(s *Server, ctx context.Context, p *P) (R, error)) route {
	return route{handle: func(ctx context.Context, s *Server, raw json.RawMessage) (any, error) {
		p, err := decodeParams[P](raw)
		if err != nil {
			return nil, err
		}
		return fn(s, ctx, p)
	}}
}

// notification adapts a typed notification handler.
func notification[P any](fn func(s *Server, ctx context.Context, p *P) error) route {
	return route{notify: true, handle: func(ctx context.Context, s *Server, raw json.RawMessage) (any, error) {
		p, err := decodeParams[P](raw)
		if err != nil {
			return nil, err
		}
		return nil, fn(s, ctx, p)
	}}
}

func inline(r route) route {
	r.inline = true
	return r
}

func decodeParams[P any](raw json.RawMessage) (*P, error) {
	p := new(P)
	if len(raw) == 0 || string(raw) == "null" {
		return p, nil
	}
	if err := json.Unmarshal(raw, p); err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf("params: %v", err))
	}
	return p, nil
}

// invalidParams is the error for params that decode but make no sense.
func invalidParams(format string, args ...any) error {
	return jsonrpc2.NewError(jsonrpc2.InvalidParams, fmt.Sprintf(format, args...))
}

// routeTable lists every method. The capabilities announced in initialize
// (lifecycle.go) must match what is here.
func routeTable() map[string]route {
	return map[string]route{
		protocol.MethodInitialize:  inline(request((*Server).initialize)),
		protocol.MethodInitialized: notification((*Server).initialized),
		protocol.MethodShutdown:    inline(request((*Server).shutdown)),
		protocol.MethodSetTrace:    notification((*Server).setTrace),

		protocol.MethodTextDocumentDidOpen:   notification((*Server).didOpen),
		protocol.MethodTextDocumentDidChange: notification((*Server).didChange),
		protocol.MethodTextDocumentDidClose:  notification((*Server).didClose),
		protocol.MethodTextDocumentDidSave:   notification((*Server).didSave),

		protocol.MethodWorkspaceDidChangeConfiguration: notification((*Server).didChangeConfiguration),
		protocol.MethodWorkspaceDidChangeWatchedFiles:  notification((*Server).didChangeWatchedFiles),

		protocol.MethodTextDocumentHover:             request((*Server).hover),
		protocol.MethodTextDocumentCompletion:        request((*Server).completion),
		protocol.MethodCompletionItemResolve:         request((*Server).completionResolve),
		protocol.MethodTextDocumentSignatureHelp:     request((*Server).signatureHelp),
		protocol.MethodTextDocumentDefinition:        request((*Server).definition),
		protocol.MethodTextDocumentReferences:        request((*Server).references),
		protocol.MethodTextDocumentDocumentHighlight: request((*Server).documentHighlight),
		protocol.MethodTextDocumentPrepareRename:     request((*Server).prepareRename),
		protocol.MethodTextDocumentRename:            request((*Server).rename),
		protocol.MethodTextDocumentDocumentSymbol:    request((*Server).documentSymbol),
		protocol.MethodWorkspaceSymbol:               request((*Server).workspaceSymbol),
		protocol.MethodTextDocumentCodeAction:        request((*Server).codeAction),
		protocol.MethodSemanticTokensFull:            request((*Server).semanticTokensFull),
		methodInlayHint:                              request((*Server).inlayHint),

		protocol.MethodWorkspaceExecuteCommand: request((*Server).executeCommand),
		protocol.MethodTextDocumentCodeLens:    request((*Server).codeLens),
	}
}
