package semantic

import (
	"sort"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file answers the position questions of the language server: which
// identifier is at an offset, what it refers to, where it is used, and
// which names are visible there.

// NameAt returns the identifier covering off (start <= off <= end), or nil.
func (m *Model) NameAt(off int) *syntax.Name {
	i := sort.Search(len(m.names), func(i int) bool { return m.names[i].End >= off })
	if i < len(m.names) && m.names[i].Start <= off {
		return m.names[i]
	}
	return nil
}

// SymbolAt returns the symbol of the identifier at off, or nil.
func (m *Model) SymbolAt(off int) *Symbol {
	if n := m.NameAt(off); n != nil {
		return m.Use(n)
	}
	return nil
}

// DeclarationOf returns the declaring identifier of the symbol n refers to
// (nil for globals and unresolved gotos).
func (m *Model) DeclarationOf(n *syntax.Name) *syntax.Name {
	if s := m.Use(n); s != nil {
		return s.Decl
	}
	return nil
}

// ReferencesOf returns every identifier that names s, the declaration first.
func (m *Model) ReferencesOf(s *Symbol) []*syntax.Name {
	var out []*syntax.Name
	if s.Decl != nil && s.Decl.End > s.Decl.Start {
		out = append(out, s.Decl)
	}
	for _, r := range s.Refs {
		out = append(out, r.Name)
	}
	return out
}

// ScopeAt returns the innermost scope containing off.
func (m *Model) ScopeAt(off int) *Scope {
	s := m.Root
	for {
		var next *Scope
		for _, c := range s.Children {
			if c.Start <= off && off <= c.End {
				next = c
			}
		}
		if next == nil {
			return s
		}
		s = next
	}
}

// VisibleAt returns the local symbols visible at off, innermost first; a
// symbol is visible once its declaring statement has ended.
func (m *Model) VisibleAt(off int) []*Symbol {
	var out []*Symbol
	seen := map[string]bool{}
	for s := m.ScopeAt(off); s != nil; s = s.Parent {
		for i := len(s.Symbols) - 1; i >= 0; i-- {
			sym := s.Symbols[i]
			visible := sym.Kind == Param || sym.Decl.End <= off
			if sym.Node != nil && sym.Kind == Local {
				if _, isFn := sym.Node.(*syntax.LocalFunction); !isFn {
					_, end := sym.Node.Span()
					visible = end <= off
				}
			}
			if visible && !seen[sym.Name] {
				seen[sym.Name] = true
				out = append(out, sym)
			}
		}
	}
	return out
}

// Upvalues returns the symbols a function uses from enclosing functions.
func (m *Model) Upvalues(fn *syntax.Function) []*Symbol {
	var out []*Symbol
	for _, sym := range m.Locals {
		if !sym.Captured || (sym.Decl.Start >= fn.Start && sym.Decl.End <= fn.End) {
			continue
		}
		for _, r := range sym.Refs {
			if r.Name.Start >= fn.Start && r.Name.End <= fn.End {
				out = append(out, sym)
				break
			}
		}
	}
	return out
}
