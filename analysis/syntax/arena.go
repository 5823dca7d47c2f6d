package syntax

// This file holds the allocators of the parser. A syntax tree has about one
// node per four bytes of source; allocating each node and each list on its
// own made the allocator and the garbage collector the largest cost of a
// parse. Nodes of the same type are instead handed out from shared chunks,
// and lists are built on a scratch stack and then copied once into a chunk
// at their final length. Chunks grow geometrically up to a bound, so the
// memory of a tree stays proportional to its source and small files stay
// cheap.

// maxChunk bounds the number of values in one chunk.
const maxChunk = 256

// slab hands out values of one type from shared chunks. A chunk stays alive
// as long as any value in it is referenced, which for a syntax tree is the
// life of the tree. Each new chunk holds a quarter of what was handed out so
// far, so the unused tail of the last chunk wastes at most about a quarter
// of the memory in use, while the number of chunks grows only
// logarithmically up to maxChunk and linearly after.
type slab[T any] struct {
	buf  []T
	used int // values handed out before the current chunk
}

// new returns a pointer to a fresh zero value.
func (s *slab[T]) new() *T {
	if len(s.buf) == cap(s.buf) {
		s.grow(1)
	}
	s.buf = s.buf[:len(s.buf)+1]
	return &s.buf[len(s.buf)-1]
}

func (s *slab[T]) grow(need int) {
	s.used += len(s.buf)
	n := max(min(s.used/4, maxChunk), 16, need)
	s.buf = make([]T, 0, n)
}

// copyOf copies items into the slab and returns them as a slice whose
// capacity equals its length, so that appending to it never writes over
// its neighbours. An empty list gives nil.
func (s *slab[T]) copyOf(items []T) []T {
	if len(items) == 0 {
		return nil
	}
	if cap(s.buf)-len(s.buf) < len(items) {
		s.grow(len(items))
	}
	start := len(s.buf)
	s.buf = append(s.buf, items...)
	return s.buf[start:len(s.buf):len(s.buf)]
}

// one returns a one-element list holding v.
func (s *slab[T]) one(v T) []T {
	if len(s.buf) == cap(s.buf) {
		s.grow(1)
	}
	s.buf = append(s.buf, v)
	return s.buf[len(s.buf)-1 : len(s.buf) : len(s.buf)]
}

// arena groups the slabs of the node types and lists a parse creates most.
// Rare nodes (Luau types, labels, errors) are allocated one by one.
type arena struct {
	names     slab[Name]
	members   slab[Member]
	indexes   slab[Index]
	calls     slab[Call]
	callStmts slab[CallStmt]
	binaries  slab[Binary]
	unaries   slab[Unary]
	parens    slab[Paren]
	numbers   slab[Number]
	strs      slab[String]
	nils      slab[Nil]
	trues     slab[True]
	falses    slab[False]
	tables    slab[Table]
	fields    slab[Field]
	funcs     slab[Function]
	blocks    slab[Block]
	locals    slab[Local]
	assigns   slab[Assign]
	ifs       slab[If]
	returns   slab[Return]
	localFns  slab[LocalFunction]
	funcStmts slab[FunctionStmt]
	numFors   slab[NumericFor]
	genFors   slab[GenericFor]
	whiles    slab[While]
	repeats   slab[Repeat]
	dos       slab[Do]
	breaks    slab[Break]
	comments  slab[Comment]
	// funcStates are parser state, not tree: their chunks are garbage
	// once the parse ends.
	funcStates slab[funcState]

	exprLists  slab[Expr]
	stmtLists  slab[Stmt]
	nameLists  slab[*Name]
	fieldLists slab[*Field]
	blockLists slab[*Block]
}

// stacks are the scratch stacks lists are built on. A list starts at the
// current height of its stack and is copied out when complete; nested lists
// finish first, so they never disturb an outer one.
type stacks struct {
	exprs  []Expr
	stmts  []Stmt
	names  []*Name
	fields []*Field
	empty  []string // only empty strings: shared by the attributes of plain locals
}
