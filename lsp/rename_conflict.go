package lsp

import "fmt"

// renameConflict reports why renaming sym to name would change what the
// program means, or returns nil. Renaming is only safe when every
// occurrence keeps resolving to the same variable:
//
//   - a use of sym must not be captured by another variable called name
//     that is declared inside sym's scope (a later "local n" between the
//     declaration and the use);
//   - a use of another variable called name, local or global, must not be
//     captured by sym where sym is visible.
func (ix *index) renameConflict(sym *symbol, name string) error {
	if name == sym.name {
		return nil
	}
	// symbolFor builds a new description on every call: symbols are the
	// same variable when their semantic symbols are.
	line := func(off int) int {
		l, _ := ix.file.Lines.Position(off)
		return l
	}
	for _, r := range sym.refs {
		other := ix.lookupAt(name, r.start)
		if other == nil || other.sem == sym.sem || other.declStart < 0 || other.declStart < sym.declStart {
			continue
		}
		return fmt.Errorf("renaming %q to %q would make its use on line %d refer to the local %q declared on line %d; choose another name",
			sym.name, name, line(r.start), name, line(other.declStart))
	}
	var others []*symbol
	for _, s := range ix.model.Locals {
		if s.Name == name {
			if o := ix.symbolFor(s); o != nil {
				others = append(others, o)
			}
		}
	}
	if g := ix.global(name); g != nil {
		others = append(others, g)
	}
	for _, other := range others {
		if other.declStart >= sym.declStart {
			continue // declared inside sym's reach: the loop above saw its captures
		}
		for _, r := range other.refs {
			if at := ix.lookupAt(sym.name, r.start); at == nil || at.sem != sym.sem {
				continue
			}
			what := fmt.Sprintf("the local declared on line %d", line(other.declStart))
			if other.declStart < 0 {
				what = "a global"
			}
			return fmt.Errorf("renaming %q to %q would make %q on line %d (%s) refer to the renamed variable; choose another name",
				sym.name, name, name, line(r.start), what)
		}
	}
	return nil
}
