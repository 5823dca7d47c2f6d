package lsp

// This file answers textDocument/semanticTokens/full. The server marks only
// what it knows better than a syntax highlighter: variables that hold buffers
// (modifier "buffer"), the two buffer libraries (namespace, defaultLibrary),
// and the API functions and methods called on them.

import (
	"context"
	"sort"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis/semantic"
)

// Token types and modifiers, in legend order.
const (
	tokNamespace = iota
	tokVariable
	tokParameter
	tokFunction
	tokMethod
)

const (
	modDeclaration = 1 << iota
	modDefaultLibrary
	modBuffer
	modReadonly
)

func semanticTokenTypes() []protocol.SemanticTokenTypes {
	return []protocol.SemanticTokenTypes{"namespace", "variable", "parameter", "function", "method"}
}

func semanticTokenModifiers() []protocol.SemanticTokenModifiers {
	return []protocol.SemanticTokenModifiers{"declaration", "defaultLibrary", "buffer", "readonly"}
}

type semToken struct {
	start, end int
	typ, mods  uint32
}

func (s *Server) semanticTokensFull(ctx context.Context, p *protocol.SemanticTokensParams) (*protocol.SemanticTokens, error) {
	snap, err := s.snapshotOf(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	ix, err := snap.indexCtx(ctx)
	if err != nil {
		return nil, err
	}
	var toks []semToken
	for i := range ix.occ {
		o := &ix.occ[i]
		// A variable keeps the kind of its declaration; one declared
		// without a known value is marked where the flow knows it.
		v := o.sym.val
		if !v.isAPI() {
			v = ix.valueAt(o)
		}
		var t semToken
		switch {
		case v.t.Kind == semantic.SBufModule || v.t.Kind == semantic.LuauLib:
			t = semToken{typ: tokNamespace, mods: modDefaultLibrary}
		case v.isBuffer() || v.t.Kind == semantic.Pointer:
			t = semToken{typ: tokVariable, mods: modBuffer}
			if o.sym.kind == symParam {
				t.typ = tokParameter
			}
		default:
			continue
		}
		if o.decl {
			t.mods |= modDeclaration
		}
		t.start, t.end = o.start, o.end
		toks = append(toks, t)
	}
	for _, m := range ix.members {
		if m.fn == nil {
			continue
		}
		t := semToken{start: m.node.Name.Start, end: m.node.Name.End, typ: tokFunction, mods: modDefaultLibrary}
		if m.node.Colon {
			t.typ = tokMethod
		}
		toks = append(toks, t)
	}
	sort.Slice(toks, func(i, j int) bool { return toks[i].start < toks[j].start })
	return &protocol.SemanticTokens{Data: encodeTokens(snap.Mapper, toks)}, nil
}

// encodeTokens writes the relative five-integer encoding of the
// specification. Tokens never span lines here (names are single-line).
func encodeTokens(m *Mapper, toks []semToken) []uint32 {
	data := make([]uint32, 0, 5*len(toks))
	var prevLine, prevChar uint32
	for _, t := range toks {
		r := m.SpanRange(t.start, t.end)
		if r.End.Line != r.Start.Line || r.End.Character <= r.Start.Character {
			continue
		}
		dl := r.Start.Line - prevLine
		dc := r.Start.Character
		if dl == 0 {
			dc -= prevChar
		}
		data = append(data, dl, dc, r.End.Character-r.Start.Character, t.typ, t.mods)
		prevLine, prevChar = r.Start.Line, r.Start.Character
	}
	return data
}
