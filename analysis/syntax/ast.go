package syntax

import "bytes"

// This file defines the syntax tree. Every node embeds a Range holding its
// byte offsets (end exclusive). Fields that may be absent say "or nil".

// Node is any syntax tree node.
type Node interface {
	Span() (start, end int)
}

// Range is the byte range of a node: Start is the offset of its first byte,
// End the offset just past its last byte.
type Range struct {
	Start, End int
}

// Span returns the byte offsets of the node.
func (r Range) Span() (start, end int) { return r.Start, r.End }

// Contains reports whether off lies in [Start, End].
func (r Range) Contains(off int) bool { return r.Start <= off && off <= r.End }

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// TypeExpr is a Luau type annotation node.
type TypeExpr interface {
	Node
	typeNode()
}

// File is the result of Parse.
type File struct {
	Name     string
	Src      []byte
	Target   Target
	Dialect  Dialect
	Chunk    *Block     // the top-level block
	Comments []*Comment // every comment in source order
	Errors   []Error    // syntax errors sorted by Start
	Lines    *LineTable
	// Stopped is set when Options.Stop ended the parse early: the tree
	// covers a prefix of Src only, and its errors are not the file's.
	Stopped bool

	compilerErr *Error // see CompilerError
	nameIDs     int    // see NameIDs
}

// NameIDs returns the largest Name.ID in the tree: a slice of NameIDs()+1
// values has a slot for every Name that Parse created.
func (f *File) NameIDs() int { return f.nameIDs }

// CompilerError returns the error the dialect's own compiler reports for
// the file, and the line it names (counted as Lua counts lines, where
// "\r\n" and "\n\r" are one line break). That is the first error the
// compiler meets while reading, which is not always the first by position:
// LuaJIT notices an undefined goto label at the end of the function but
// names the line of the goto, and Lua 5.4 names the line it is reading
// then. ok is false when the file has no error.
func (f *File) CompilerError() (e Error, line int, ok bool) {
	if f.compilerErr == nil {
		return Error{}, 0, false
	}
	if f.Dialect == DialectLuau {
		return *f.compilerErr, luauLine(f.Src, f.compilerErr.at), true
	}
	return *f.compilerErr, luaLine(f.Src, f.compilerErr.at), true
}

// luauLine returns the line Luau's lexer names for an offset: it counts
// only '\n', so a lone '\r' does not start a line.
func luauLine(src []byte, off int) int {
	off = min(max(off, 0), len(src))
	return 1 + bytes.Count(src[:off], []byte{'\n'})
}

// luaLine returns the line Lua's lexer is on after reading src[:off].
func luaLine(src []byte, off int) int {
	off = min(max(off, 0), len(src))
	line := 1
	for i := 0; i < off; i++ {
		if c := src[i]; c == '\n' || c == '\r' {
			line++
			if i+1 < off && (src[i+1] == '\n' || src[i+1] == '\r') && src[i+1] != c {
				i++
			}
		}
	}
	return line
}

// Comment is one comment. Text is its exact source text, including the
// leading "--" and any long brackets; Content strips those.
type Comment struct {
	Start, End int
	Text       string
	Long       bool // a --[[ ]] comment
}

// Span returns the byte offsets of the comment.
func (c *Comment) Span() (start, end int) { return c.Start, c.End }

// Error is a syntax error with the byte range of the offending token.
type Error struct {
	Start, End int
	Msg        string

	at    int  // offset whose line a Lua compiler names for this error
	order int  // when a Lua compiler meets it: offset*4 + class (scope.go)
	limit bool // one of buflsp's limits, not a compiler error
}

// Block is a sequence of statements (a chunk or the body of a construct).
type Block struct {
	Range
	Stmts []Stmt
}

// ---- expressions ----

// Name is an identifier. A Name with an empty Value stands for a name that
// was expected but missing (e.g. after "buf:" while typing); its range is
// empty and sits where the name should be.
type Name struct {
	Range
	Value string
	// id numbers the names of one parse densely from 1, so that a model
	// of the file can keep a value per name in a slice instead of a map.
	// It is 0 for a Name built outside the parser.
	id int32
}

// ID returns the number Parse gave the name: the names of one File are
// numbered 1, 2, ... up to File.NameIDs(), in no promised order. A Name
// built by hand has ID 0. Names of different files share numbers.
func (n *Name) ID() int { return int(n.id) }

// Nil, True, False and Vararg are the literal keywords and "...".
type (
	Nil    struct{ Range }
	True   struct{ Range }
	False  struct{ Range }
	Vararg struct{ Range }
)

// Number is a numeric literal; Raw is its source text.
type Number struct {
	Range
	Raw string
}

// String is a string literal; Raw is its source text with quotes or long
// brackets. Value decodes it.
type String struct {
	Range
	Raw string
}

// Interp is a Luau interpolated string `a{x}b`: Parts are the raw string
// pieces (len(Parts) == len(Exprs)+1).
type Interp struct {
	Range
	Parts []string
	Exprs []Expr
}

// Function is a function expression or the body of a function statement.
type Function struct {
	Range
	Attributes []*Name    // Luau @attributes, without the '@'
	Generics   []*Name    // Luau <T, U...>
	Params     []*Name    // named parameters
	ParamTypes []TypeExpr // Luau types, one per param (entries may be nil), or nil
	Vararg     *Vararg    // "..." parameter, or nil
	VarargType TypeExpr   // Luau "...: T", or nil
	Return     TypeExpr   // Luau return type, or nil
	Body       *Block
	// EndPos is the offset of the closing "end", or -1 when it is missing.
	EndPos int
}

// Table is a table constructor.
type Table struct {
	Range
	Fields []*Field
}

// Field is one entry of a table constructor: [Key] = Value, Name = Value
// (Key is a *String whose Raw is the bare name... see NameKey) or a
// positional Value (Key nil).
type Field struct {
	Range
	Key     Expr  // the key expression, or nil for positional fields
	NameKey *Name // for name = value, the name (Key is nil then)
	Value   Expr
}

// Binary is a binary operation; Op is the operator token kind.
type Binary struct {
	Range
	Op    Kind
	OpPos int
	L, R  Expr
}

// Unary is a unary operation (not, -, #, ~).
type Unary struct {
	Range
	Op Kind
	X  Expr
}

// Paren is a parenthesised expression (which truncates to one value).
type Paren struct {
	Range
	X Expr
}

// Index is X[Key].
type Index struct {
	Range
	X, Key Expr
}

// Member is X.Name or, as the callee of a method call, X:Name. Name may be
// a missing name (empty Value) when the source ends right after the dot or
// colon.
type Member struct {
	Range
	X     Expr
	Name  *Name
	Colon bool // X:Name
	OpPos int  // offset of the '.' or ':'
}

// Call is a function call. For a method call Fn is a *Member with Colon set.
type Call struct {
	Range
	Fn     Expr
	Args   []Expr
	LParen int // offset of '(' or of the string/table argument
	RParen int // offset of ')', or -1 when there are no parentheses or it is missing
}

// Cast is a Luau type assertion X :: Type.
type Cast struct {
	Range
	X    Expr
	Type TypeExpr
}

// IfExpr is a Luau if-then-else expression.
type IfExpr struct {
	Range
	Conds []Expr // the if and elseif conditions
	Thens []Expr // one per condition
	Else  Expr
}

// BadExpr stands for an expression that could not be parsed.
type BadExpr struct{ Range }

func (*Name) exprNode()     {}
func (*Nil) exprNode()      {}
func (*True) exprNode()     {}
func (*False) exprNode()    {}
func (*Vararg) exprNode()   {}
func (*Number) exprNode()   {}
func (*String) exprNode()   {}
func (*Interp) exprNode()   {}
func (*Function) exprNode() {}
func (*Table) exprNode()    {}
func (*Binary) exprNode()   {}
func (*Unary) exprNode()    {}
func (*Paren) exprNode()    {}
func (*Index) exprNode()    {}
func (*Member) exprNode()   {}
func (*Call) exprNode()     {}
func (*Cast) exprNode()     {}
func (*IfExpr) exprNode()   {}
func (*BadExpr) exprNode()  {}

// ---- statements ----

// Local is "local a <attr>, b = values". Attribs has one entry per name
// ("" when none; "const" or "close" in Lua 5.4). Types has one entry per
// name in Luau (entries may be nil) and is nil otherwise.
type Local struct {
	Range
	Names   []*Name
	Attribs []string
	Types   []TypeExpr
	Values  []Expr
	EqPos   int // offset of '=', or -1
}

// Assign is "targets = values".
type Assign struct {
	Range
	Targets []Expr
	Values  []Expr
	EqPos   int
}

// CompoundAssign is Luau's "target op= value"; Op is the binary operator
// (OAdd for +=, and so on).
type CompoundAssign struct {
	Range
	Op     Kind
	Target Expr
	Value  Expr
}

// CallStmt is a function call used as a statement.
type CallStmt struct {
	Range
	Call *Call
}

// Do is "do ... end".
type Do struct {
	Range
	Body *Block
}

// While is "while Cond do ... end".
type While struct {
	Range
	Cond Expr
	Body *Block
}

// Repeat is "repeat ... until Cond".
type Repeat struct {
	Range
	Body *Block
	Cond Expr
}

// If is an if statement with its elseif clauses.
type If struct {
	Range
	Conds  []Expr   // if and elseif conditions
	Blocks []*Block // one per condition
	Else   *Block   // or nil
}

// NumericFor is "for Var = Start, Limit[, Step] do ... end".
type NumericFor struct {
	Range
	Var                *Name
	VarType            TypeExpr // Luau, or nil
	Start, Limit, Step Expr     // Step may be nil
	Body               *Block
}

// GenericFor is "for names in exprs do ... end".
type GenericFor struct {
	Range
	Names []*Name
	Types []TypeExpr // Luau, or nil
	Exprs []Expr
	Body  *Block
}

// FunctionStmt is "function a.b.c:m() ... end". Name is a *Name or a chain
// of *Member (the last one with Colon set for methods).
type FunctionStmt struct {
	Range
	Name Expr
	Func *Function
}

// LocalFunction is "local function name() ... end".
type LocalFunction struct {
	Range
	Name *Name
	Func *Function
}

// Return is "return values".
type Return struct {
	Range
	Values []Expr
}

// Break is "break"; Continue is Luau's "continue".
type (
	Break    struct{ Range }
	Continue struct{ Range }
)

// Goto is "goto Label".
type Goto struct {
	Range
	Label *Name
}

// Label is "::Name::".
type Label struct {
	Range
	Name *Name
}

// TypeAlias is Luau's "[export] type Name<Generics> = Type", or a type
// function "[export] type function Name(...) ... end": then Func holds its
// body and Type is nil. A type function runs in the type checker, never at
// run time.
type TypeAlias struct {
	Range
	Export   bool
	Name     *Name
	Generics []*Name
	Type     TypeExpr
	Func     *Function
}

// BadStmt stands for source that could not be parsed as a statement.
type BadStmt struct{ Range }

func (*Local) stmtNode()          {}
func (*Assign) stmtNode()         {}
func (*CompoundAssign) stmtNode() {}
func (*CallStmt) stmtNode()       {}
func (*Do) stmtNode()             {}
func (*While) stmtNode()          {}
func (*Repeat) stmtNode()         {}
func (*If) stmtNode()             {}
func (*NumericFor) stmtNode()     {}
func (*GenericFor) stmtNode()     {}
func (*FunctionStmt) stmtNode()   {}
func (*LocalFunction) stmtNode()  {}
func (*Return) stmtNode()         {}
func (*Break) stmtNode()          {}
func (*Continue) stmtNode()       {}
func (*Goto) stmtNode()           {}
func (*Label) stmtNode()          {}
func (*TypeAlias) stmtNode()      {}
func (*BadStmt) stmtNode()        {}

// ---- Luau types ----

// TypeRef is a named type such as number, buffer, Module.Type or Map<K, V>.
type TypeRef struct {
	Range
	Prefix *Name // module prefix, or nil
	Name   *Name
	Args   []TypeExpr
}

// TypeLiteral is a singleton type: a string literal, true, false or nil.
type TypeLiteral struct {
	Range
	Raw string
}

// TypeTable is a table type {a: T, [K]: V} or an array type {T}.
type TypeTable struct {
	Range
	Props   []*TypeProp
	Indexer *TypeProp // [K]: V, or nil
	Array   TypeExpr  // {T}, or nil
}

// TypeProp is one property of a table type; for an indexer Key is set and
// Name is nil.
type TypeProp struct {
	Range
	Access string // "read", "write" or ""
	Name   *Name
	Key    TypeExpr
	Value  TypeExpr
}

// TypeFunc is a function type (params) -> returns.
type TypeFunc struct {
	Range
	Generics   []*Name
	Params     []TypeExpr
	ParamNames []*Name // entries may be nil
	Returns    TypeExpr
}

// TypeUnion is A | B; TypeIntersection is A & B.
type TypeUnion struct {
	Range
	Types []TypeExpr
}

// TypeIntersection is A & B & ...
type TypeIntersection struct {
	Range
	Types []TypeExpr
}

// TypeOptional is T?.
type TypeOptional struct {
	Range
	X TypeExpr
}

// TypeTypeof is typeof(expr).
type TypeTypeof struct {
	Range
	X Expr
}

// TypePack is a parenthesised list of types (a return list or a pack), or
// a variadic "...T" when Variadic is set.
type TypePack struct {
	Range
	Types    []TypeExpr
	Variadic bool
}

// TypeGenericPack is "T..." (a generic type pack).
type TypeGenericPack struct {
	Range
	Name *Name
}

// BadType stands for a type that could not be parsed.
type BadType struct{ Range }

func (*TypeRef) typeNode()          {}
func (*TypeLiteral) typeNode()      {}
func (*TypeTable) typeNode()        {}
func (*TypeProp) typeNode()         {}
func (*TypeFunc) typeNode()         {}
func (*TypeUnion) typeNode()        {}
func (*TypeIntersection) typeNode() {}
func (*TypeOptional) typeNode()     {}
func (*TypeTypeof) typeNode()       {}
func (*TypePack) typeNode()         {}
func (*TypeGenericPack) typeNode()  {}
func (*BadType) typeNode()          {}
