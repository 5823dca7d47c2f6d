package lsp

// This file answers textDocument/inlayHint (LSP 3.17; the wire types are in
// protocol317.go): parameter names before literal arguments of API calls, and
// the buffer kind (and constant size) after the names of buffer locals.

import (
	"context"

	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

func (s *Server) inlayHint(ctx context.Context, p *inlayHintParams) ([]inlayHint, error) {
	snap, err := s.snapshotOf(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	ix, err := snap.indexCtx(ctx)
	if err != nil {
		return nil, err
	}
	m := snap.Mapper
	start, end := m.RangeSpan(p.Range)
	out := []inlayHint{}
	for _, c := range ix.calls {
		cs, ce := c.node.Span()
		if ce < start || cs > end {
			continue
		}
		for i, a := range c.node.Args {
			if i >= len(c.fn.Params) || !isLiteral(a) {
				continue
			}
			as, _ := a.Span()
			out = append(out, inlayHint{Position: m.OffsetPosition(as), Label: c.fn.Params[i].Name + ":", Kind: inlayHintParameter, PaddingRight: true})
		}
	}
	if ix.model != nil {
		for _, ls := range ix.model.Locals {
			if ls.Decl == nil || ls.Decl.Start < start || ls.Decl.Start > end {
				continue
			}
			sym := ix.symbolFor(ls)
			if sym == nil || sym.kind != symLocal || !(sym.val.isBuffer() || sym.val.t.Kind == semantic.Pointer) {
				continue
			}
			out = append(out, inlayHint{Position: m.OffsetPosition(sym.declEnd), Label: ": " + sym.val.Describe(), Kind: inlayHintType})
		}
	}
	out = append(out, s.evals.hints(snap, start, end)...)
	return out, nil
}

func isLiteral(e syntax.Expr) bool {
	switch e := e.(type) {
	case *syntax.Number, *syntax.String, *syntax.Nil, *syntax.True, *syntax.False, *syntax.Table:
		return true
	case *syntax.Unary:
		_, ok := e.X.(*syntax.Number)
		return ok
	}
	return false
}
