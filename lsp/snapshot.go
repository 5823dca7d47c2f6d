package lsp

import (
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis"
)

// snapshotOf returns the latest snapshot of u for a request. A document the
// client never opened is read from disk when it is a file there (as a
// version-0 snapshot that is not stored); anything else is an InvalidParams
// error that names the problem.
func (s *Server) snapshotOf(u protocol.DocumentURI) (*Snapshot, error) {
	if snap := s.store.get(u); snap != nil {
		return snap, nil
	}
	path := uriPath(string(u))
	if path != string(u) && isLuaFile(path) {
		if src, err := analysis.ReadSourceFile(path, s.config().MaxFileSize); err == nil {
			return newSnapshot(u, 0, src, s.config(), s.an), nil
		}
	}
	return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, "unknown document "+string(u)+": it is not open (send textDocument/didOpen first) and is not a Lua file on disk")
}

// at returns the snapshot of a position request and the byte offset of its
// position (clamped into the text).
func (s *Server) at(p protocol.TextDocumentPositionParams) (*Snapshot, int, error) {
	snap, err := s.snapshotOf(p.TextDocument.URI)
	if err != nil {
		return nil, 0, err
	}
	return snap, snap.Mapper.PositionOffset(p.Position), nil
}
