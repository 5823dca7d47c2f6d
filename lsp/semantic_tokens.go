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
	var syms []*semantic.Symbol
	if ix.model != nil {
		syms = append(syms, ix.model.Locals...)
		for _, name := range ix.globalNames() {
			syms = append(syms, ix.model.Globals[name])
		}
	}
	for _, ss := range syms {
		sym := ix.symbolFor(ss)
		if sym == nil {
			continue
		}
		// A variable keeps the kind of its declaration; one declared
		// without a known value is marked where the flow knows it.
		if d := ss.Decl; d != nil && d.End > d.Start {
			if t, ok := tokenFor(sym, ix.valueAt(&occurrence{name: d, sym: sym})); ok {
				t.mods |= modDeclaration
				t.start, t.end = d.Start, d.End
				toks = append(toks, t)
			}
		}
		for _, r := range ss.Refs {
			if t, ok := tokenFor(sym, ix.valueAt(&occurrence{name: r.Name, sym: sym})); ok {
				t.start, t.end = r.Name.Start, r.Name.End
				toks = append(toks, t)
			}
		}
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

// tokenFor is the token of a name of sym whose value there is v, if it is
// one the server marks.
func tokenFor(sym *symbol, v value) (semToken, bool) {
	switch {
	case v.t.Kind == semantic.SBufModule || v.t.Kind == semantic.LuauLib:
		return semToken{typ: tokNamespace, mods: modDefaultLibrary}, true
	case v.isBuffer() || v.t.Kind == semantic.Pointer:
		t := semToken{typ: tokVariable, mods: modBuffer}
		if sym.kind == symParam {
			t.typ = tokParameter
		}
		return t, true
	}
	return semToken{}, false
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
