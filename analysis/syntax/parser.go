package syntax

import (
	"fmt"
	"sort"
	"strings"
	"unsafe"
)

// This file holds the parser state, error reporting and recovery, and the
// entry point Parse. Statements and expressions live in their own files.

// maxDepth bounds the nesting of blocks and expressions, like LuaJIT's limit
// of 200 syntax levels; past it the parser reports one error and stops, which
// keeps deeply nested hostile input linear in time and bounded in stack.
const maxDepth = 200

// maxHeight bounds how tall the tree grows. Nesting is bounded by maxDepth,
// but a chain that a compiler reads in a loop (a:b():c()..., a.b.c...,
// a + b + c ..., a or b or ...) nests one tree level per link, with no
// limit in Lua 5.x or LuaJIT (Luau refuses about 1,000). Every walk over the
// tree in analysis/ recurses on it, so the parser counts, in levels and
// chain links, both the path from the root to where it reads and the height
// of each finished subtree, and stops past maxHeight with an error. Both
// checks together keep the finished tree within 2*maxHeight of these units
// (a few tree levels each), whatever the input.
const maxHeight = 1000

// height is what the parser knows of one open level: the chain links read
// at that level in the current statement, the tallest subtree finished
// below it in that statement, and the tallest of its earlier statements
// (the statements of a block are siblings: their chains do not add up).
type height struct{ links, inner, done int }

type funcState struct {
	vararg   bool
	parent   *funcState
	loops    int  // enclosing loops in the current function (for break)
	firstVar int  // index in parser.vars of the function's first local
	start    int  // offset of the function's start (for messages); the main chunk has no parent
	tooMany  bool // the limit of locals was reported
}

type parser struct {
	// packOK lets the next Luau simple type be a type pack "(A, B)": the
	// first type of a type argument or of a return type.
	packOK bool
	// typeFnBase is, inside a Luau type function, the number of locals
	// declared outside it (which its body may not use); -1 elsewhere.
	typeFnBase int
	lx         lexer
	src        []byte
	// stop is Options.Stop; tokens counts the tokens read while it is
	// set, and givenUp records that it was closed.
	stop     <-chan struct{}
	tokens   uint32
	givenUp  bool
	str      string // src as one string: node texts are substrings of it, with no copy each
	d        Dialect
	lines    *LineTable
	tok      Token
	prevEnd  int // end of the last consumed token
	ahead    Token
	hasAhead bool
	// luaAhead is the start of the last token read ahead where the Lua
	// compilers read ahead too (see lookahead), or -1.
	luaAhead int
	errs     []Error
	heights  []height // one per open level (enter..leave)
	links    int      // the sum of heights[i].links: chain links on the current path
	fs       *funcState
	stopped  bool // nesting limit hit: the rest of the input is skipped
	a        arena
	st       stacks
	first    int   // index in errs of the error a compiler meets first, or -1
	nameIDs  int   // names created so far (the last Name.ID given)
	firstErr Error // that error

	// Scope tracking for the compile-time checks (scope.go).
	scopes []scope
	golas  []gola
	golaIx golaIndex
	vars   []localVar
	group  []pendingLabel
	// needSelf asks funcBody to declare the implicit self parameter.
	needSelf bool
	// indentHints makes a 'function' or 'local function' at column 1
	// inside a nested block end that block (see Parse).
	indentHints bool
}

// Parse parses a Lua source file. It always returns a File whose Chunk is
// non-nil, whatever the input; syntax errors are in File.Errors. The File
// keeps src and its strings share src's bytes, so src must not be modified
// afterwards.
func Parse(filename string, src []byte, opts Options) *File {
	// The names, numbers, strings and comments of the tree are substrings
	// of src viewed as a string, without a copy: a copy was one heap byte
	// per source byte, the largest single allocation of a parse. This is
	// sound because File.Src keeps src and the caller already must not
	// change src while the tree is in use (File.Src and every offset of
	// the tree describe it).
	str := unsafe.String(unsafe.SliceData(src), len(src))
	f := parse(filename, src, str, opts, false)
	if missingEnd(f.Errors) && !f.Stopped {
		// A missing 'end' makes the compiler see the rest of the file as
		// part of the unclosed block. A second pass reads indentation as a
		// hint to close it earlier, which gives a better tree and error
		// position; the compiler's own verdict stays the first pass's.
		hinted := parse(filename, src, str, opts, true)
		hinted.compilerErr = f.compilerErr
		return hinted
	}
	return f
}

// missingEnd reports whether an error says a block was left unclosed.
func missingEnd(errs []Error) bool {
	for _, e := range errs {
		if strings.HasPrefix(e.Msg, "expected 'end'") || strings.HasPrefix(e.Msg, "expected 'until'") {
			return true
		}
	}
	return false
}

func parse(filename string, src []byte, str string, opts Options, indentHints bool) *File {
	p := &parser{src: src, str: str, d: opts.dialect(), indentHints: indentHints, luaAhead: -1, typeFnBase: -1, stop: opts.Stop}
	p.lines = NewLineTable(src)
	p.lx.init(src, p.str, p.d, p.lexError, &p.a.comments)
	p.fs = &funcState{vararg: true}
	p.openFunction()
	p.next()
	chunk := p.block()
	for p.tok.Kind != EOF {
		p.errorf(p.tok, "expected <eof> near %s", p.near(p.tok))
		p.next()
		more := p.block()
		chunk.Stmts = append(chunk.Stmts, more.Stmts...)
	}
	p.closeScope(len(src), len(src), orderAfter)
	chunk.Start, chunk.End = 0, len(src)
	f := &File{
		Name:     filename,
		Src:      src,
		Target:   opts.Target,
		Dialect:  p.d,
		Chunk:    chunk,
		Comments: p.lx.comments,
		Lines:    p.lines,
		nameIDs:  p.nameIDs,
		Stopped:  p.givenUp,
	}
	f.Errors = p.finishErrors(opts.AllErrors)
	if p.first >= 0 {
		f.compilerErr = &p.firstErr
	}
	return f
}

// finishErrors sorts the errors by position and, unless all are wanted,
// keeps the first error of each line and at most MaxErrors.
func (p *parser) finishErrors(all bool) []Error {
	p.first = -1
	for i, e := range p.errs {
		if e.limit {
			continue
		}
		if p.first < 0 || e.order < p.errs[p.first].order {
			p.first = i
		}
	}
	if p.first >= 0 {
		p.firstErr = p.errs[p.first]
	}
	sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Start < p.errs[j].Start })
	if all {
		return p.errs
	}
	out := p.errs[:0]
	lastLine := -1
	for _, e := range p.errs {
		line := p.lines.Line(e.Start)
		if line == lastLine {
			continue
		}
		lastLine = line
		out = append(out, e)
		if len(out) == MaxErrors {
			break
		}
	}
	return out
}

// rawErrorLimit bounds the errors collected before filtering, so that input
// made only of errors still costs linear memory with a small constant.
const rawErrorLimit = 10 * MaxErrors

func (p *parser) addError(start, end int, msg string) {
	at := end
	if p.d == DialectLuau {
		at = start // Luau names the line where the token starts
	}
	p.addErrorOrder(start, end, msg, at, start*4+orderParse)
}

// addErrorOrder records an error shown at start..end. at is the offset
// whose line a Lua compiler names for it, and order says when the compiler
// meets it (see CompilerError).
func (p *parser) addErrorOrder(start, end int, msg string, at, order int) {
	if len(p.errs) >= rawErrorLimit {
		return
	}
	if end < start {
		end = start
	}
	p.errs = append(p.errs, Error{Start: start, End: end, Msg: msg, at: at, order: order})
}

// lateError records an error Luau finds only after parsing past it (an
// incomplete statement, a mixed union and intersection, a const without
// values): it is shown and counted on start's line, but ordered where the
// parser is now, so an error met inside the construct comes first, as in
// Luau's own list.
func (p *parser) lateError(start, end int, msg string) {
	p.addErrorOrder(start, end, msg, start, p.tok.Start*4+orderParse)
}

// lexError records a malformed token; a compiler meets it when it reads
// the token, before anything the parser does with it.
func (p *parser) lexError(start, end int, msg string) {
	at := end
	if p.d == DialectLuau {
		at = start
	}
	p.addErrorOrder(start, end, msg, at, p.lx.tokStart*4+orderLex)
}

// errorf reports an error at a token.
func (p *parser) errorf(t Token, format string, args ...any) {
	p.addError(t.Start, t.End, fmt.Sprintf(format, args...))
}

// near describes a token for a message, as Lua does: its text in quotes,
// shortened when long, or <eof>.
func (p *parser) near(t Token) string {
	if t.Kind == EOF {
		return "<eof>"
	}
	text := p.src[t.Start:t.End]
	if len(text) > 40 {
		return "'" + string(text[:37]) + "...'"
	}
	if t.Kind == Illegal && (text[0] < ' ' || text[0] >= 0x7f) {
		return fmt.Sprintf("'<\\%d>'", text[0])
	}
	return "'" + string(text) + "'"
}

// line returns the 1-based line of an offset.
func (p *parser) line(off int) int { return p.lines.Line(off) }

func (p *parser) next() {
	p.prevEnd = p.tok.End
	if p.hasAhead {
		p.tok, p.hasAhead = p.ahead, false
		return
	}
	if p.stop != nil {
		p.tok = p.lexStoppable()
		return
	}
	p.tok = p.lx.next()
}

// stopEvery is how many tokens pass between two looks at Options.Stop.
const stopEvery = 1024

// lex reads the next token, or the end of the file once Options.Stop is
// closed. next, which runs for every token, makes the same test itself and
// calls the lexer directly when there is no Stop channel.
func (p *parser) lex() Token {
	if p.stop != nil {
		return p.lexStoppable()
	}
	return p.lx.next()
}

// lexStoppable is lex with a Stop channel: it looks at the channel every
// stopEvery tokens.
func (p *parser) lexStoppable() Token {
	if !p.givenUp {
		p.tokens++
		if p.tokens%stopEvery == 0 {
			select {
			case <-p.stop:
				p.givenUp = true
			default:
			}
		}
	}
	if p.givenUp {
		return Token{EOF, len(p.src), len(p.src)}
	}
	return p.lx.next()
}

// peek returns the token after the current one without consuming anything.
func (p *parser) peek() Token {
	if !p.hasAhead {
		p.ahead, p.hasAhead = p.lex(), true
	}
	return p.ahead
}

// lookahead is peek where Lua 5.1 and LuaJIT read a token ahead as well (a
// name in a table constructor, LuaJIT's goto). Reading ahead moves their
// "last line" to the line of the token read, so a '(' read that way never
// looks like an ambiguous call (callArgs).
func (p *parser) lookahead() Token {
	t := p.peek()
	p.luaAhead = t.Start
	return t
}

// accept consumes the current token if it has kind k.
func (p *parser) accept(k Kind) bool {
	if p.tok.Kind == k {
		p.next()
		return true
	}
	return false
}

// expect consumes a token of kind k or reports that it is missing. It
// returns the offset of the token, or -1 when missing.
func (p *parser) expect(k Kind) int {
	if p.tok.Kind == k {
		pos := p.tok.Start
		p.next()
		return pos
	}
	p.errorf(p.tok, "expected '%s' near %s", k, p.near(p.tok))
	return -1
}

// expectClose consumes the token closing a construct opened by open at
// offset openPos, naming the opener in the message when it is on another
// line, as Lua does.
func (p *parser) expectClose(k Kind, open string, openPos int) int {
	if p.tok.Kind == k {
		pos := p.tok.Start
		p.next()
		return pos
	}
	if l := p.line(openPos); l != p.line(p.tok.Start) {
		p.errorf(p.tok, "expected '%s' (to close '%s' at line %d) near %s", k, open, l, p.near(p.tok))
	} else {
		p.errorf(p.tok, "expected '%s' near %s", k, p.near(p.tok))
	}
	return -1
}

// name consumes an identifier, or reports a missing one and returns an
// empty Name at the current position.
func (p *parser) name() *Name {
	if p.tok.Kind == TName {
		n := p.newName(p.tok.Start, p.tok.End)
		p.next()
		return n
	}
	p.errorf(p.tok, "expected <name> near %s", p.near(p.tok))
	return p.missingName()
}

func (p *parser) missingName() *Name {
	pos := p.prevEnd
	if p.tok.Start < pos {
		pos = p.tok.Start
	}
	return p.newName(pos, pos)
}

// newName returns a Name for the source text between start and end.
func (p *parser) newName(start, end int) *Name {
	n := p.a.names.new()
	p.nameIDs++
	n.Start, n.End, n.Value, n.id = start, end, p.str[start:end], int32(p.nameIDs)
	return n
}

// enter and leave track nesting depth (the length of heights); enter
// reports false once the limit is passed, after which the parser skips to
// the end of input. enter runs for every expression and block, so its
// common case is kept small enough for the compiler to inline and the rest
// is in tooDeep.
func (p *parser) enter() bool {
	p.heights = append(p.heights, height{})
	if len(p.heights) > maxDepth || p.stopped {
		return p.tooDeep()
	}
	return true
}

// tooDeep is enter past the nesting limit or after the parser stopped.
func (p *parser) tooDeep() bool {
	if len(p.heights) > maxDepth && !p.stopped {
		p.stopped = true
		p.errorf(p.tok, "chunk has too many syntax levels (more than %d) near %s", maxDepth, p.near(p.tok))
	}
	return p.skipIfStopped()
}

func (p *parser) leave() {
	n := len(p.heights) - 1
	h := p.heights[n]
	p.heights = p.heights[:n]
	p.links -= h.links
	if n > 0 {
		up := &p.heights[n-1]
		up.inner = max(up.inner, h.done, h.links+h.inner+1)
		p.checkHeight(up)
	}
}

// endStatement closes the chains of a statement of the current block: the
// next statement's chains are its siblings, not nested in it.
func (p *parser) endStatement() {
	if len(p.heights) == 0 {
		return
	}
	top := &p.heights[len(p.heights)-1]
	top.done = max(top.done, top.links+top.inner+1)
	p.links -= top.links
	top.links, top.inner = 0, 0
}

// link counts one more link of a chain read in a loop at the current level
// (see maxHeight). It reports false once the parser has stopped; the caller
// then returns what it has.
func (p *parser) link() bool {
	if len(p.heights) == 0 {
		return !p.stopped
	}
	top := &p.heights[len(p.heights)-1]
	top.links++
	p.links++
	if len(p.heights)+p.links > maxHeight || top.links+top.inner+1 > maxHeight || p.stopped {
		return p.linkTooLong(top)
	}
	return true
}

// linkTooLong is link past a height limit or after the parser stopped.
func (p *parser) linkTooLong(top *height) bool {
	if len(p.heights)+p.links > maxHeight {
		p.stopTooTall()
	}
	p.checkHeight(top)
	return p.skipIfStopped()
}

// checkHeight stops the parser when the subtree of level h grew too tall.
func (p *parser) checkHeight(h *height) {
	if h.links+h.inner+1 > maxHeight {
		p.stopTooTall()
	}
}

// stopTooTall stops the parser at a chain too long for maxHeight.
func (p *parser) stopTooTall() {
	if p.stopped {
		return
	}
	p.stopped = true
	n := len(p.errs)
	p.errorf(p.tok, "expression too deep to analyse: more than %d chained calls, fields or operators near %s; the rest of the file is not read", maxHeight, p.near(p.tok))
	if p.d != DialectLuau && len(p.errs) > n {
		// Lua 5.x and LuaJIT accept any chain length: this is buflsp's
		// limit, not the compiler's, so CompilerError leaves it out. Luau's
		// compiler refuses such chains too ("Exceeded allowed recursion
		// depth"), so there it stays the compiler's error.
		p.errs[n].limit = true
	}
}

// skipIfStopped skips to the end of input once the parser stopped, and
// reports whether it may go on.
func (p *parser) skipIfStopped() bool {
	if p.stopped {
		for p.tok.Kind != EOF {
			p.next()
		}
		return false
	}
	return true
}

// blockEnd reports whether the current token ends a block.
func (p *parser) blockEnd() bool {
	switch p.tok.Kind {
	case EOF, KEnd, KElse, KElseif, KUntil:
		return true
	case KFunction, KLocal:
		return p.indentHints && len(p.scopes) > 1 && p.topLevelFunction()
	}
	return false
}

// topLevelFunction reports whether the current token starts a function
// statement at column 1, which in a file with an unclosed block most likely
// starts the next top-level function.
func (p *parser) topLevelFunction() bool {
	t := p.tok
	if t.Start > 0 && p.src[t.Start-1] != '\n' && p.src[t.Start-1] != '\r' {
		return false
	}
	return t.Kind == KFunction || p.peek().Kind == KFunction
}

// statementStart reports whether the current token is a keyword that can
// only start a statement, which makes it a safe place to resume after an
// error.
func (p *parser) statementStart() bool {
	switch p.tok.Kind {
	case KLocal, KFunction, KIf, KFor, KWhile, KRepeat, KReturn, KDo, KBreak, KGoto, ODColon:
		return true
	case TName:
		return p.d == DialectLuaJIT && p.isGotoStatement()
	}
	return p.blockEnd()
}

// recover skips the rest of a broken statement: the tokens on the same line
// as the last consumed token, stopping early at a statement keyword.
func (p *parser) recover() {
	line := p.line(p.prevEnd)
	for !p.statementStart() && p.line(p.tok.Start) == line {
		p.next()
	}
}
