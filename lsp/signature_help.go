package lsp

// This file answers textDocument/signatureHelp for calls of API functions and
// methods, with the parameter under the cursor active.

import (
	"context"

	"go.lsp.dev/protocol"
)

func (s *Server) signatureHelp(ctx context.Context, p *protocol.SignatureHelpParams) (*protocol.SignatureHelp, error) {
	snap, off, err := s.at(p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	c, lparen, err := callView(ctx, snap, off)
	if err != nil || c == nil {
		return nil, err
	}
	f := c.fn
	labels := f.ParamLabels()
	params := make([]protocol.ParameterInformation, len(labels))
	for i, l := range labels {
		params[i] = protocol.ParameterInformation{Label: l}
		if i < len(f.Params) && f.Params[i].Doc != "" {
			params[i].Documentation = f.Params[i].Doc
		}
	}
	active := activeArg(snap.Content, lparen, off)
	if f.Variadic != nil && active >= len(labels) {
		active = len(labels) - 1
	}
	sig := protocol.SignatureInformation{
		Label:         f.Signature(),
		Documentation: protocol.MarkupContent{Kind: protocol.Markdown, Value: f.Doc},
		Parameters:    params,
	}
	return &protocol.SignatureHelp{Signatures: []protocol.SignatureInformation{sig}, ActiveParameter: uint32(max(active, 0))}, nil
}

// activeArg counts the top-level commas between the call's '(' and off,
// skipping nested brackets and string literals.
func activeArg(src []byte, lparen, off int) int {
	depth, n := 0, 0
	for i := lparen + 1; i < off && i < len(src); i++ {
		switch c := src[i]; c {
		case '(', '{', '[':
			depth++
		case ')', '}', ']':
			depth--
		case ',':
			if depth == 0 {
				n++
			}
		case '"', '\'':
			for i++; i < off && i < len(src) && src[i] != c; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		}
	}
	return n
}

// callView finds the API call around off and its '(' in the current text.
// The newest completed analysis answers when the cursor is away from every
// edit since and it has a call around the cursor whose brackets are both
// unchanged; otherwise (a call being typed) the current version is waited
// for.
func callView(ctx context.Context, snap *Snapshot, off int) (*callInfo, int, error) {
	if v := completedView(snap); v != nil && v.stale() {
		if bo, ok := v.m.toBaseStrict(off); ok {
			if c := v.ix.callAt(bo); c != nil {
				end := c.node.End
				if c.node.RParen >= 0 {
					end = c.node.RParen
				}
				lp, _, ok1 := v.m.fromBaseSpan(c.node.LParen, c.node.LParen+1)
				_, ok2 := v.m.fromBase(end)
				if ok1 && ok2 {
					return c, lp, nil
				}
			}
		}
	}
	ix, err := snap.indexCtx(ctx)
	if err != nil {
		return nil, 0, err
	}
	c := ix.callAt(off)
	if c == nil {
		return nil, 0, nil
	}
	return c, c.node.LParen, nil
}
