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
	ix, err := snap.indexCtx(ctx)
	if err != nil {
		return nil, err
	}
	c := ix.callAt(off)
	if c == nil {
		return nil, nil
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
	active := activeArg(snap.Content, c.node.LParen, off)
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
