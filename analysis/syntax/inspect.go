package syntax

// Inspect calls visit for n and, while visit returns true, for every node
// below it: the children of a node come in the order of its struct fields,
// each slice in order, and absent (nil) children are skipped. When visit
// returns false for a node, its children are not visited.
//
// Inspect is one type switch over the node types of this package, because
// rules walk every file many times and a reflective walk cost more than
// the rules themselves. The tests hold a reflective walker as the
// reference: both must visit the same nodes in the same order, and a node
// type or field added to the tree without a case here makes them fail. A
// node of a type declared outside this package is visited itself, but
// Inspect does not know its children.
func Inspect(n Node, visit func(Node) bool) {
	walk(n, visit)
}

// walk is Inspect. Each case checks for a typed nil first: optional fields
// such as NumericFor.Step hold nil pointers inside non-nil interfaces.
func walk(n Node, visit func(Node) bool) {
	switch n := n.(type) {
	case nil:
	case *Block:
		if n != nil && visit(n) {
			walkStmts(n.Stmts, visit)
		}

	// Expressions.
	case *Name:
		if n != nil {
			visit(n)
		}
	case *Nil:
		if n != nil {
			visit(n)
		}
	case *True:
		if n != nil {
			visit(n)
		}
	case *False:
		if n != nil {
			visit(n)
		}
	case *Vararg:
		if n != nil {
			visit(n)
		}
	case *Number:
		if n != nil {
			visit(n)
		}
	case *String:
		if n != nil {
			visit(n)
		}
	case *Interp:
		if n != nil && visit(n) {
			walkExprs(n.Exprs, visit)
		}
	case *Function:
		if n != nil && visit(n) {
			walkNames(n.Attributes, visit)
			walkNames(n.Generics, visit)
			walkNames(n.Params, visit)
			walkTypes(n.ParamTypes, visit)
			walk(n.Vararg, visit)
			walk(n.VarargType, visit)
			walk(n.Return, visit)
			walk(n.Body, visit)
		}
	case *Table:
		if n != nil && visit(n) {
			for _, f := range n.Fields {
				walk(f, visit)
			}
		}
	case *Field:
		if n != nil && visit(n) {
			walk(n.Key, visit)
			walk(n.NameKey, visit)
			walk(n.Value, visit)
		}
	case *Binary:
		if n != nil && visit(n) {
			walk(n.L, visit)
			walk(n.R, visit)
		}
	case *Unary:
		if n != nil && visit(n) {
			walk(n.X, visit)
		}
	case *Paren:
		if n != nil && visit(n) {
			walk(n.X, visit)
		}
	case *Index:
		if n != nil && visit(n) {
			walk(n.X, visit)
			walk(n.Key, visit)
		}
	case *Member:
		if n != nil && visit(n) {
			walk(n.X, visit)
			walk(n.Name, visit)
		}
	case *Call:
		if n != nil && visit(n) {
			walk(n.Fn, visit)
			walkExprs(n.Args, visit)
		}
	case *Cast:
		if n != nil && visit(n) {
			walk(n.X, visit)
			walk(n.Type, visit)
		}
	case *IfExpr:
		if n != nil && visit(n) {
			walkExprs(n.Conds, visit)
			walkExprs(n.Thens, visit)
			walk(n.Else, visit)
		}
	case *BadExpr:
		if n != nil {
			visit(n)
		}

	// Statements.
	case *Local:
		if n != nil && visit(n) {
			walkNames(n.Names, visit)
			walkTypes(n.Types, visit)
			walkExprs(n.Values, visit)
		}
	case *Assign:
		if n != nil && visit(n) {
			walkExprs(n.Targets, visit)
			walkExprs(n.Values, visit)
		}
	case *CompoundAssign:
		if n != nil && visit(n) {
			walk(n.Target, visit)
			walk(n.Value, visit)
		}
	case *CallStmt:
		if n != nil && visit(n) {
			walk(n.Call, visit)
		}
	case *Do:
		if n != nil && visit(n) {
			walk(n.Body, visit)
		}
	case *While:
		if n != nil && visit(n) {
			walk(n.Cond, visit)
			walk(n.Body, visit)
		}
	case *Repeat:
		if n != nil && visit(n) {
			walk(n.Body, visit)
			walk(n.Cond, visit)
		}
	case *If:
		// Field order, not source order: every condition, then every
		// block, then Else.
		if n != nil && visit(n) {
			walkExprs(n.Conds, visit)
			for _, b := range n.Blocks {
				walk(b, visit)
			}
			walk(n.Else, visit)
		}
	case *NumericFor:
		if n != nil && visit(n) {
			walk(n.Var, visit)
			walk(n.VarType, visit)
			walk(n.Start, visit)
			walk(n.Limit, visit)
			walk(n.Step, visit)
			walk(n.Body, visit)
		}
	case *GenericFor:
		if n != nil && visit(n) {
			walkNames(n.Names, visit)
			walkTypes(n.Types, visit)
			walkExprs(n.Exprs, visit)
			walk(n.Body, visit)
		}
	case *FunctionStmt:
		if n != nil && visit(n) {
			walk(n.Name, visit)
			walk(n.Func, visit)
		}
	case *LocalFunction:
		if n != nil && visit(n) {
			walk(n.Name, visit)
			walk(n.Func, visit)
		}
	case *Return:
		if n != nil && visit(n) {
			walkExprs(n.Values, visit)
		}
	case *Break:
		if n != nil {
			visit(n)
		}
	case *Continue:
		if n != nil {
			visit(n)
		}
	case *Goto:
		if n != nil && visit(n) {
			walk(n.Label, visit)
		}
	case *Label:
		if n != nil && visit(n) {
			walk(n.Name, visit)
		}
	case *TypeAlias:
		if n != nil && visit(n) {
			walk(n.Name, visit)
			walkNames(n.Generics, visit)
			walk(n.Type, visit)
			walk(n.Func, visit)
		}
	case *BadStmt:
		if n != nil {
			visit(n)
		}

	// Luau types.
	case *TypeRef:
		if n != nil && visit(n) {
			walk(n.Prefix, visit)
			walk(n.Name, visit)
			walkTypes(n.Args, visit)
		}
	case *TypeLiteral:
		if n != nil {
			visit(n)
		}
	case *TypeTable:
		if n != nil && visit(n) {
			for _, p := range n.Props {
				walk(p, visit)
			}
			walk(n.Indexer, visit)
			walk(n.Array, visit)
		}
	case *TypeProp:
		if n != nil && visit(n) {
			walk(n.Name, visit)
			walk(n.Key, visit)
			walk(n.Value, visit)
		}
	case *TypeFunc:
		if n != nil && visit(n) {
			walkNames(n.Generics, visit)
			walkTypes(n.Params, visit)
			walkNames(n.ParamNames, visit)
			walk(n.Returns, visit)
		}
	case *TypeUnion:
		if n != nil && visit(n) {
			walkTypes(n.Types, visit)
		}
	case *TypeIntersection:
		if n != nil && visit(n) {
			walkTypes(n.Types, visit)
		}
	case *TypeOptional:
		if n != nil && visit(n) {
			walk(n.X, visit)
		}
	case *TypeTypeof:
		if n != nil && visit(n) {
			walk(n.X, visit)
		}
	case *TypePack:
		if n != nil && visit(n) {
			walkTypes(n.Types, visit)
		}
	case *TypeGenericPack:
		if n != nil && visit(n) {
			walk(n.Name, visit)
		}
	case *BadType:
		if n != nil {
			visit(n)
		}

	// Comments are nodes too, without children.
	case *Comment:
		if n != nil {
			visit(n)
		}

	default:
		visit(n)
	}
}

func walkStmts(ss []Stmt, visit func(Node) bool) {
	for _, s := range ss {
		walk(s, visit)
	}
}

func walkExprs(es []Expr, visit func(Node) bool) {
	for _, e := range es {
		walk(e, visit)
	}
}

func walkTypes(ts []TypeExpr, visit func(Node) bool) {
	for _, t := range ts {
		walk(t, visit)
	}
}

func walkNames(ns []*Name, visit func(Node) bool) {
	for _, n := range ns {
		// A nil entry (TypeFunc.ParamNames) is skipped by walk.
		walk(n, visit)
	}
}
