package lsp

// This file handles text synchronisation: didOpen, didChange (full and
// incremental), didClose and didSave.

import (
	"context"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// contentChange is TextDocumentContentChangeEvent with the range optional:
// protocol v0.12.0 declares Range as a value, which cannot tell a full-text
// change (no range) from an edit at the start of the file.
type contentChange struct {
	Range *protocol.Range `json:"range,omitempty"`
	Text  string          `json:"text"`
}

type didChangeParams struct {
	TextDocument   protocol.VersionedTextDocumentIdentifier `json:"textDocument"`
	ContentChanges []contentChange                          `json:"contentChanges"`
}

func (s *Server) didOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) error {
	if p.TextDocument.URI == "" {
		return invalidParams("didOpen: textDocument.uri is empty")
	}
	snap := newSnapshot(p.TextDocument.URI, p.TextDocument.Version, []byte(p.TextDocument.Text), s.config(), s.an)
	s.store.open(snap)
	snap.warm(nil)
	s.sched.schedule(snap)
	return nil
}

func (s *Server) didChange(ctx context.Context, p *didChangeParams) error {
	snap, old, err := s.store.change(p.TextDocument.URI, p.TextDocument.Version, p.ContentChanges)
	if err != nil {
		// The client and server disagree about the text; say so loudly in
		// the log, keep the last good version.
		s.log.Warn("rejected change", zap.Error(err))
		return err
	}
	snap.warm(old)
	s.sched.schedule(snap)
	return nil
}

func (s *Server) didClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.store.close(p.TextDocument.URI)
	s.sched.forget(p.TextDocument.URI)
	// A closed file keeps the diagnostics of its saved state from the
	// workspace analysis, if any; otherwise they are cleared.
	s.ws.republish(s, p.TextDocument.URI)
	return nil
}

func (s *Server) didSave(ctx context.Context, p *protocol.DidSaveTextDocumentParams) error {
	path := uriPath(string(p.TextDocument.URI))
	switch {
	case isConfigFile(path):
		s.reloadConfig()
	case isLuaFile(path) && path != string(p.TextDocument.URI):
		// Refresh the workspace index from the saved file, so that closing
		// the editor later shows the diagnostics of what is on disk.
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			s.analyseDiskFile(path, diskChanged)
		}()
	}
	return nil
}
