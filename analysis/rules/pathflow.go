package rules

import (
	"slices"

	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file is the path engine of the aliasing rules. It walks one function
// body forward, statement by statement, carrying facts about the current
// point. Branches run on copies of the facts and are joined afterwards: for
// most rules a fact survives a join only when every path that reaches the
// join point agrees on it, so the rule reports what is provable there;
// rules that implement mayRule keep a fact that some path holds ("the
// pointer p is stale" after a put in one branch, "buf borrows a string"
// after a set in one), because one path is enough for the mistake and a
// fact only goes where every path clears it. Paths that end in return,
// break, continue or error() do not reach the code after them.
//
// Loop bodies are walked once, starting from the facts at the loop entry:
// that is the first iteration, a real path whenever the body runs. After a
// loop the facts are those that hold at the entry (the body may not run),
// at the end of the body and at every break. Functions with goto are not
// walked at all: a backward jump would make any fact unprovable.

// flowFacts maps a key (a symbol or a buffer identity) to what is known
// about it. A nil map is the state of unreachable code.
type flowFacts[F comparable] map[any]F

func (s flowFacts[F]) copy() flowFacts[F] {
	if s == nil {
		return nil
	}
	c := make(flowFacts[F], len(s))
	for k, v := range s {
		c[k] = v
	}
	return c
}

// flowRule is what a rule plugs into the engine. step is called for each
// statement that has no statements inside it, and for the header
// expressions of compound statements (conditions, loop ranges), in
// execution order; it reads and updates the facts in place.
// merge combines the facts two paths hold about one key; it returns false
// when nothing provable remains, and the key is dropped.
type flowRule[F comparable] interface {
	step(n syntax.Node, facts flowFacts[F])
	merge(a, b F) (F, bool)
}

// mayRule is implemented by rules whose facts hold when some path makes
// them hold (may-analysis): "the buffer borrows a string" after a set in
// one branch of an if, "the pointer is stale" after a change in one branch.
// Their joins keep a key that any live path holds; merge picks what to
// keep when two paths disagree. A key that one path rebinds or clears and
// another still holds survives, so only when every path re-takes a
// pointer (or resets a buffer) is the fact gone.
type mayRule interface {
	mayJoin()
}

// joinFacts keeps the facts that every live state agrees on (or, for a
// mayRule, that some live state holds); where two states hold different
// facts about one key, the rule's merge decides.
func (e *pathEngine[F]) joinFacts(states ...flowFacts[F]) flowFacts[F] {
	_, may := e.rule.(mayRule)
	var out flowFacts[F]
	var dropped []any // keys whose facts could not be merged: gone for good
	for _, s := range states {
		if s == nil {
			continue
		}
		if out == nil {
			out = s.copy()
			continue
		}
		for k, v := range out {
			w, ok := s[k]
			if !ok {
				if !may {
					delete(out, k)
				}
				continue
			}
			if w != v {
				w, ok = e.rule.merge(v, w)
			}
			if ok {
				out[k] = w
			} else {
				delete(out, k)
				dropped = append(dropped, k)
			}
		}
		if may {
			for k, w := range s {
				if _, ok := out[k]; !ok && !slices.Contains(dropped, k) {
					out[k] = w
				}
			}
		}
	}
	return out
}

// mergeEqual is the merge of rules whose facts must be identical on every path.
func mergeEqual[F comparable](a, b F) (F, bool) { return a, a == b }

// pathEngine runs one rule over one function body.
type pathEngine[F comparable] struct {
	rule  flowRule[F]
	model *semantic.Model
	// breaks and continues collect the facts at each break or continue of
	// the innermost loop being walked.
	breaks, continues *[]flowFacts[F]
}

// runPaths walks every function of the file (and the main chunk) with a
// fresh rule state made by newRule for each.
func runPaths[F comparable](p *Pass, newRule func(fn *syntax.Function) flowRule[F]) {
	m := p.Model()
	run := func(fn *syntax.Function, body *syntax.Block) {
		if body == nil || hasGoto(body) {
			return
		}
		e := &pathEngine[F]{rule: newRule(fn), model: m}
		e.block(body, flowFacts[F]{})
	}
	run(nil, p.File.Chunk)
	walkFile(p.File, func(n syntax.Node, _ *walkCtx) bool {
		if fn, ok := n.(*syntax.Function); ok {
			run(fn, fn.Body)
		}
		return true
	})
}

// hasGoto reports whether a function body contains goto or a label outside
// its nested functions.
func hasGoto(b *syntax.Block) bool {
	found := false
	var visit func(b *syntax.Block)
	visit = func(b *syntax.Block) {
		if b == nil {
			return
		}
		for _, s := range b.Stmts {
			switch s := s.(type) {
			case *syntax.Goto, *syntax.Label:
				found = true
			case *syntax.Do:
				visit(s.Body)
			case *syntax.While:
				visit(s.Body)
			case *syntax.Repeat:
				visit(s.Body)
			case *syntax.NumericFor:
				visit(s.Body)
			case *syntax.GenericFor:
				visit(s.Body)
			case *syntax.If:
				for _, blk := range s.Blocks {
					visit(blk)
				}
				visit(s.Else)
			}
		}
	}
	visit(b)
	return found
}

// block walks statements in order and returns the facts at the end (nil
// when no path reaches it).
func (e *pathEngine[F]) block(b *syntax.Block, facts flowFacts[F]) flowFacts[F] {
	if b == nil {
		return facts
	}
	for _, s := range b.Stmts {
		if facts == nil {
			return nil
		}
		facts = e.stmt(s, facts)
	}
	return facts
}

func (e *pathEngine[F]) stmt(s syntax.Stmt, facts flowFacts[F]) flowFacts[F] {
	switch s := s.(type) {
	case *syntax.Do:
		return e.block(s.Body, facts)
	case *syntax.If:
		var outs []flowFacts[F]
		for i, c := range s.Conds {
			e.rule.step(c, facts)
			if i < len(s.Blocks) {
				outs = append(outs, e.block(s.Blocks[i], facts.copy()))
			}
		}
		if s.Else != nil {
			outs = append(outs, e.block(s.Else, facts.copy()))
		} else {
			outs = append(outs, facts)
		}
		return e.joinFacts(outs...)
	case *syntax.While:
		e.rule.step(s.Cond, facts)
		return e.loop(s.Body, facts, nil, true)
	case *syntax.Repeat:
		return e.loop(s.Body, facts, s.Cond, false)
	case *syntax.NumericFor:
		e.rule.step(s.Start, facts)
		e.rule.step(s.Limit, facts)
		if s.Step != nil {
			e.rule.step(s.Step, facts)
		}
		return e.loop(s.Body, facts, nil, true)
	case *syntax.GenericFor:
		for _, x := range s.Exprs {
			e.rule.step(x, facts)
		}
		return e.loop(s.Body, facts, nil, true)
	case *syntax.Return:
		e.rule.step(s, facts)
		return nil
	case *syntax.Break:
		if e.breaks != nil {
			*e.breaks = append(*e.breaks, facts)
		}
		return nil
	case *syntax.Continue:
		if e.continues != nil {
			*e.continues = append(*e.continues, facts)
		}
		return nil
	case *syntax.CallStmt:
		e.rule.step(s, facts)
		if e.isError(s.Call) {
			return nil
		}
		return facts
	case *syntax.TypeAlias, *syntax.BadStmt:
		return facts
	}
	e.rule.step(s, facts)
	return facts
}

// loop walks a loop body once from the entry facts. mayskip is set for
// loops whose body may not run at all (while and for).
func (e *pathEngine[F]) loop(body *syntax.Block, entry flowFacts[F], cond syntax.Expr, mayskip bool) flowFacts[F] {
	savedB, savedC := e.breaks, e.continues
	var breaks, continues []flowFacts[F]
	e.breaks, e.continues = &breaks, &continues
	end := e.block(body, entry.copy())
	e.breaks, e.continues = savedB, savedC
	end = e.joinFacts(append([]flowFacts[F]{end}, continues...)...)
	if cond != nil && end != nil {
		e.rule.step(cond, end)
	}
	outs := append([]flowFacts[F]{end}, breaks...)
	if mayskip {
		outs = append(outs, entry)
	}
	return e.joinFacts(outs...)
}

// isError reports whether a call statement never returns: error(...).
func (e *pathEngine[F]) isError(c *syntax.Call) bool {
	n, ok := c.Fn.(*syntax.Name)
	if !ok || n.Value != "error" {
		return false
	}
	sym := e.model.Use(n)
	return sym != nil && sym.Kind == semantic.Global
}
