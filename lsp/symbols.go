package lsp

// This file answers textDocument/documentSymbol and workspace/symbol.

import (
	"context"
	"sort"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis/syntax"
)

func (s *Server) documentSymbol(ctx context.Context, p *protocol.DocumentSymbolParams) ([]protocol.DocumentSymbol, error) {
	snap, err := s.snapshotOf(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	ix, err := snap.indexCtx(ctx)
	if err != nil {
		return nil, err
	}
	if ix.file == nil || ix.file.Chunk == nil {
		return []protocol.DocumentSymbol{}, nil
	}
	out := blockSymbols(snap, ix, ix.file.Chunk, true)
	if out == nil {
		out = []protocol.DocumentSymbol{}
	}
	return out, nil
}

// blockSymbols lists the functions of a block (and, at top level, its
// locals), with nested functions as children.
func blockSymbols(snap *Snapshot, ix *index, b *syntax.Block, top bool) []protocol.DocumentSymbol {
	var out []protocol.DocumentSymbol
	m := snap.Mapper
	for _, st := range b.Stmts {
		switch st := st.(type) {
		case *syntax.LocalFunction:
			if st.Name == nil || st.Func == nil {
				continue
			}
			out = append(out, protocol.DocumentSymbol{
				Name: st.Name.Value, Detail: "local function", Kind: protocol.SymbolKindFunction,
				Range: m.SpanRange(st.Start, st.End), SelectionRange: m.SpanRange(st.Name.Start, st.Name.End),
				Children: blockSymbols(snap, ix, st.Func.Body, false),
			})
		case *syntax.FunctionStmt:
			if st.Func == nil || st.Name == nil {
				continue
			}
			kind := protocol.SymbolKindFunction
			if mem, ok := st.Name.(*syntax.Member); ok && mem.Colon {
				kind = protocol.SymbolKindMethod
			}
			ns, ne := st.Name.Span()
			out = append(out, protocol.DocumentSymbol{
				Name: exprText(ix.file.Src, st.Name), Detail: "function", Kind: kind,
				Range: m.SpanRange(st.Start, st.End), SelectionRange: m.SpanRange(ns, ne),
				Children: blockSymbols(snap, ix, st.Func.Body, false),
			})
		case *syntax.Local:
			if !top {
				continue
			}
			for _, n := range st.Names {
				if n == nil || n.Value == "" {
					continue
				}
				detail := "local"
				if sym := ix.symbolOf(n); sym != nil {
					if d := sym.val.Describe(); d != "" {
						detail = d
					}
				}
				out = append(out, protocol.DocumentSymbol{
					Name: n.Value, Detail: detail, Kind: protocol.SymbolKindVariable,
					Range: m.SpanRange(st.Start, st.End), SelectionRange: m.SpanRange(n.Start, n.End),
				})
			}
		}
	}
	return out
}

// workspaceSymbols flattens the document symbols of a snapshot for the
// workspace index.
func workspaceSymbols(snap *Snapshot) []protocol.SymbolInformation {
	ix := snap.Index()
	if ix.file == nil || ix.file.Chunk == nil {
		return nil
	}
	var out []protocol.SymbolInformation
	var walk func(syms []protocol.DocumentSymbol, container string)
	walk = func(syms []protocol.DocumentSymbol, container string) {
		for _, d := range syms {
			out = append(out, protocol.SymbolInformation{
				Name: d.Name, Kind: d.Kind, ContainerName: container,
				Location: protocol.Location{URI: snap.URI, Range: d.SelectionRange},
			})
			walk(d.Children, d.Name)
		}
	}
	walk(blockSymbols(snap, ix, ix.file.Chunk, true), "")
	return out
}

// maxWorkspaceSymbols bounds one answer; clients filter further as the user
// types.
const maxWorkspaceSymbols = 500

func (s *Server) workspaceSymbol(ctx context.Context, p *protocol.WorkspaceSymbolParams) ([]protocol.SymbolInformation, error) {
	query := strings.ToLower(p.Query)
	match := func(name string) bool { return query == "" || strings.Contains(strings.ToLower(name), query) }
	var out []protocol.SymbolInformation
	open := map[protocol.DocumentURI]bool{}
	for _, snap := range s.store.all() {
		open[snap.URI] = true
		for _, si := range workspaceSymbols(snap) {
			if match(si.Name) {
				out = append(out, si)
			}
		}
	}
	s.ws.mu.RLock()
	for u, wf := range s.ws.files {
		if open[u] {
			continue
		}
		for _, si := range wf.symbols {
			if match(si.Name) {
				out = append(out, si)
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	s.ws.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Location.URI < out[j].Location.URI
	})
	if len(out) > maxWorkspaceSymbols {
		out = out[:maxWorkspaceSymbols]
	}
	if out == nil {
		out = []protocol.SymbolInformation{}
	}
	return out, ctx.Err()
}
