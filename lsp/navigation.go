package lsp

// This file answers definition, references, documentHighlight, prepareRename
// and rename for variables. Locals and upvalues are resolved by Lua's scoping
// rules (index.go); a global has no definition and cannot be renamed, but its
// uses in the file are still references and highlights.

import (
	"context"
	"sort"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis/syntax"
)

func (s *Server) definition(ctx context.Context, p *protocol.DefinitionParams) ([]protocol.Location, error) {
	snap, o, err := s.occurrence(ctx, p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	if o == nil || o.sym.declStart < 0 {
		return []protocol.Location{}, nil
	}
	return []protocol.Location{{URI: snap.URI, Range: snap.Mapper.SpanRange(o.sym.declStart, o.sym.declEnd)}}, nil
}

func (s *Server) references(ctx context.Context, p *protocol.ReferenceParams) ([]protocol.Location, error) {
	snap, o, err := s.occurrence(ctx, p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	out := []protocol.Location{}
	if o == nil {
		return out, nil
	}
	for _, r := range sortedRefs(o.sym) {
		if !p.Context.IncludeDeclaration && r.start == o.sym.declStart {
			continue
		}
		out = append(out, protocol.Location{URI: snap.URI, Range: snap.Mapper.SpanRange(r.start, r.end)})
	}
	return out, nil
}

func (s *Server) documentHighlight(ctx context.Context, p *protocol.DocumentHighlightParams) ([]protocol.DocumentHighlight, error) {
	snap, o, err := s.occurrence(ctx, p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	out := []protocol.DocumentHighlight{}
	if o == nil {
		return out, nil
	}
	for _, r := range sortedRefs(o.sym) {
		kind := protocol.DocumentHighlightKindRead
		if r.write {
			kind = protocol.DocumentHighlightKindWrite
		}
		out = append(out, protocol.DocumentHighlight{Range: snap.Mapper.SpanRange(r.start, r.end), Kind: kind})
	}
	return out, nil
}

// occurrence returns the document and the variable occurrence at a position
// (nil when there is none), once the document's names are resolved.
func (s *Server) occurrence(ctx context.Context, p protocol.TextDocumentPositionParams) (*Snapshot, *occurrence, error) {
	snap, off, err := s.at(p)
	if err != nil {
		return nil, nil, err
	}
	ix, err := snap.namesCtx(ctx)
	if err != nil {
		return nil, nil, err
	}
	return snap, ix.occurrenceAt(off), nil
}

// renameTarget returns the local under the cursor, or an error saying why it
// cannot be renamed.
func (s *Server) renameTarget(ctx context.Context, p protocol.TextDocumentPositionParams) (*Snapshot, *occurrence, error) {
	snap, o, err := s.occurrence(ctx, p)
	if err != nil {
		return nil, nil, err
	}
	if o == nil {
		return nil, nil, invalidParams("rename: there is no variable at this position")
	}
	if o.sym.declStart < 0 {
		return nil, nil, invalidParams("rename: %q is a global; only locals and upvalues can be renamed", o.sym.name)
	}
	return snap, o, nil
}

func (s *Server) prepareRename(ctx context.Context, p *protocol.PrepareRenameParams) (*protocol.Range, error) {
	snap, o, err := s.renameTarget(ctx, p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	r := snap.Mapper.SpanRange(o.start, o.end)
	return &r, nil
}

// sortedRefs returns a symbol's occurrences in source order (the index
// records assignment targets after their values).
func sortedRefs(sym *symbol) []span {
	refs := append([]span(nil), sym.refs...)
	sort.Slice(refs, func(i, j int) bool { return refs[i].start < refs[j].start })
	return refs
}

func (s *Server) rename(ctx context.Context, p *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	if !syntax.IsName(p.NewName) {
		return nil, invalidParams("rename: %q is not a valid Lua name (expected letters, digits and _, not starting with a digit, not a keyword)", p.NewName)
	}
	snap, o, err := s.renameTarget(ctx, p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	ix, err := snap.namesCtx(ctx)
	if err != nil {
		return nil, err
	}
	if err := ix.renameConflict(o.sym, p.NewName); err != nil {
		return nil, invalidParams("rename: %v", err)
	}
	edits := make([]protocol.TextEdit, 0, len(o.sym.refs))
	for _, r := range o.sym.refs {
		edits = append(edits, protocol.TextEdit{Range: snap.Mapper.SpanRange(r.start, r.end), NewText: p.NewName})
	}
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{snap.URI: edits}}, nil
}
