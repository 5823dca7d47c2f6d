package syntax

// This file turns bytes into tokens. The lexer keeps comments aside (in the
// file's comment list) and reports malformed tokens through a callback, then
// returns a best-effort token so that parsing can go on.

import "bytes"

type lexer struct {
	src      []byte
	str      string // src as a string, for comment texts
	pos      int
	tokStart int // start of the token or comment being scanned
	d        Dialect
	comments []*Comment
	slab     *slab[Comment]
	errf     func(start, end int, msg string)
	// class sorts bytes for the main loop of next; it depends on the
	// dialect because LuaJIT accepts UTF-8 bytes in names (Luau does not:
	// a non-ASCII character outside a string is an error there).
	class [256]uint8
	// single is the kind of the bytes of class clSingle.
	single [256]Kind
	// braces is Luau's stack of open braces, true for the "{" of an
	// interpolated string: its "}" is lexed as the rest of the string.
	braces []bool
}

// Byte classes of lexer.class: each byte has exactly one, and the two
// that may continue a name are single bits so that one AND tests both.
// clKeyword is a flag on the clIdent bytes that start a reserved word.
const (
	clOther uint8 = 0
	clIdent uint8 = 1 // may start a name
	clDigit uint8 = 2
	clSpace uint8 = 4
	// clSingle is a byte that is always a token of its own in the dialect
	// ("(", ",", ...): next returns it without the operator switch.
	clSingle  uint8 = 8
	clKeyword uint8 = 16
	clName          = clIdent | clDigit // may continue a name
)

func (l *lexer) init(src []byte, str string, d Dialect, errf func(start, end int, msg string), comments *slab[Comment]) {
	l.src, l.str, l.d, l.errf, l.slab = src, str, d, errf, comments
	for c := 0; c < 256; c++ {
		b := byte(c)
		switch {
		case b == '_' || (b|0x20) >= 'a' && (b|0x20) <= 'z' || b >= 0x80 && d == DialectLuaJIT:
			l.class[c] = clIdent
		case isDigit(b):
			l.class[c] = clDigit
		case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f':
			l.class[c] = clSpace
		}
	}
	for k := keywordStart + 1; k < keywordEnd; k++ {
		l.class[k.String()[0]] |= clKeyword
	}
	singles := []Kind{'(': OLParen, ')': ORParen, ']': ORBracket, ',': OComma, ';': OSemi,
		'#': OLen, '&': OBAnd, '|': OBOr, '?': OQuestion, '{': OLBrace, '}': ORBrace}
	for c, k := range singles {
		// Luau's braces take part in interpolated strings (operator).
		if k != 0 && (d != DialectLuau || c != '{' && c != '}') {
			l.class[c], l.single[c] = clSingle, k
		}
	}
	// A UTF-8 byte order mark and a first line starting with '#' are skipped,
	// as lua and luajit do when loading a file.
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		l.pos = 3
	}
	if l.pos < len(src) && src[l.pos] == '#' {
		for l.pos < len(src) && src[l.pos] != '\n' && src[l.pos] != '\r' {
			l.pos++
		}
	}
}

func (l *lexer) peekByte(i int) byte {
	if l.pos+i < len(l.src) {
		return l.src[l.pos+i]
	}
	return 0
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isXDigit(c byte) bool { return isDigit(c) || (c|0x20) >= 'a' && (c|0x20) <= 'f' }

// isIdent reports whether c may continue a name.
func (l *lexer) isIdent(c byte) bool {
	return l.class[c]&clName != 0
}

// next returns the next token, skipping whitespace and comments.
//
// It is the innermost loop of parsing, so the common tokens (blanks, names,
// keywords) work on a local copy of the position and store it once; the
// other tokens go through the scanners below, which advance l.pos.
func (l *lexer) next() Token {
	src := l.src
	pos := l.pos
	for pos < len(src) {
		c := src[pos]
		switch l.class[c] {
		case clSpace:
			// Indentation comes in runs.
			pos++
			for pos < len(src) && l.class[src[pos]] == clSpace {
				pos++
			}
			continue
		case clIdent, clIdent | clKeyword:
			start := pos
			pos++
			for pos < len(src) && l.class[src[pos]]&clName != 0 {
				pos++
			}
			l.pos, l.tokStart = pos, start
			k := TName
			if n := pos - start; n >= 2 && n <= 8 && l.class[c]&clKeyword != 0 {
				k = keyword(src[start:pos])
			}
			if k == KGoto && !l.d.atLeast52() {
				// goto is a keyword from Lua 5.2 on; it is an ordinary
				// name in Lua 5.1 and Luau, and in
				// LuaJIT everywhere but at the start of a statement
				// followed by a name, which the parser checks.
				k = TName
			}
			return Token{k, start, pos}
		case clDigit:
			l.pos, l.tokStart = pos, pos
			l.number()
			return Token{TNumber, pos, l.pos}
		case clSingle:
			l.pos, l.tokStart = pos+1, pos
			return Token{l.single[c], pos, pos + 1}
		}
		start := pos
		l.pos, l.tokStart = pos, start
		switch c {
		case '-':
			if l.peekByte(1) == '-' {
				l.comment()
				pos = l.pos
				continue
			}
			if l.peekByte(1) == '=' {
				l.pos += 2
				return Token{OSubAssign, start, l.pos}
			}
			if l.peekByte(1) == '>' {
				l.pos += 2
				return Token{OArrow, start, l.pos}
			}
			l.pos++
			return Token{OSub, start, l.pos}
		case '"', '\'':
			l.shortString(c)
			return Token{TString, start, l.pos}
		case '[':
			if lvl := l.longBracket(); lvl >= 0 {
				l.longString(start, lvl, false)
				return Token{TString, start, l.pos}
			} else if lvl == -2 {
				l.errf(start, l.pos, "invalid long string delimiter")
				return Token{TString, start, l.pos}
			}
			l.pos++
			return Token{OLBracket, start, l.pos}
		case '.':
			if l.peekByte(1) == '.' {
				if l.peekByte(2) == '.' {
					l.pos += 3
					return Token{OVararg, start, l.pos}
				}
				if l.peekByte(2) == '=' {
					l.pos += 3
					return Token{OConcatAssign, start, l.pos}
				}
				l.pos += 2
				return Token{OConcat, start, l.pos}
			}
			if isDigit(l.peekByte(1)) {
				l.number()
				return Token{TNumber, start, l.pos}
			}
			l.pos++
			return Token{ODot, start, l.pos}
		case '`':
			if l.d == DialectLuau {
				return l.interp(start, true)
			}
		case '@':
			if l.d == DialectLuau {
				l.pos++
				return Token{OAt, start, l.pos}
			}
		}
		return l.operator(c, start)
	}
	l.pos = pos
	return Token{EOF, len(src), len(src)}
}

// operator lexes the punctuation tokens that need no special scanning.
func (l *lexer) operator(c byte, start int) Token {
	n := l.peekByte(1)
	two := func(k Kind) Token { l.pos += 2; return Token{k, start, l.pos} }
	one := func(k Kind) Token { l.pos++; return Token{k, start, l.pos} }
	switch c {
	case '+':
		if n == '=' {
			return two(OAddAssign)
		}
		return one(OAdd)
	case '*':
		if n == '=' {
			return two(OMulAssign)
		}
		return one(OMul)
	case '/':
		if n == '/' {
			if l.peekByte(2) == '=' {
				l.pos += 3
				return Token{OIDivAssign, start, l.pos}
			}
			return two(OIDiv)
		}
		if n == '=' {
			return two(ODivAssign)
		}
		return one(ODiv)
	case '%':
		if n == '=' {
			return two(OModAssign)
		}
		return one(OMod)
	case '^':
		if n == '=' {
			return two(OPowAssign)
		}
		return one(OPow)
	case '#':
		return one(OLen)
	case '&':
		return one(OBAnd)
	case '~':
		if n == '=' {
			return two(ONe)
		}
		return one(OTilde)
	case '|':
		return one(OBOr)
	case '<':
		if n == '=' {
			return two(OLe)
		}
		// Luau has no shift operators: "<<" is two '<' (explicit type
		// instantiation f<<T>>(), a generic function type as the first
		// type argument).
		if n == '<' && l.d != DialectLuau {
			return two(OShl)
		}
		return one(OLt)
	case '>':
		if n == '=' {
			return two(OGe)
		}
		if n == '>' && l.d != DialectLuau {
			return two(OShr)
		}
		return one(OGt)
	case '=':
		if n == '=' {
			return two(OEq)
		}
		return one(OAssign)
	case '(':
		return one(OLParen)
	case ')':
		return one(ORParen)
	case '{':
		if l.d == DialectLuau {
			l.braces = append(l.braces, false)
		}
		return one(OLBrace)
	case '}':
		if l.d == DialectLuau && len(l.braces) > 0 {
			// Luau's lexer keeps a stack of open braces: the one that
			// closes an interpolated string's "{...}" continues the string.
			interp := l.braces[len(l.braces)-1]
			l.braces = l.braces[:len(l.braces)-1]
			if interp {
				return l.interp(start, false)
			}
		}
		return one(ORBrace)
	case ']':
		return one(ORBracket)
	case ';':
		return one(OSemi)
	case ':':
		if n == ':' {
			return two(ODColon)
		}
		return one(OColon)
	case ',':
		return one(OComma)
	case '?':
		return one(OQuestion)
	}
	return one(Illegal)
}

// comment skips a comment starting at "--" and records it.
func (l *lexer) comment() {
	start := l.pos
	l.pos += 2
	if l.peekByte(0) == '[' {
		save := l.pos
		if lvl := l.longBracket(); lvl >= 0 {
			l.longString(start, lvl, true)
			l.addComment(start, true)
			return
		}
		l.pos = save
	}
	// A line comment ends at the first "\n" or "\r"; IndexByte finds the
	// "\n" quickly and a "\r" can only come before it.
	rest := l.src[l.pos:]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		end = len(rest)
	}
	if cr := bytes.IndexByte(rest[:end], '\r'); cr >= 0 {
		end = cr
	}
	l.pos += end
	l.addComment(start, false)
}

func (l *lexer) addComment(start int, long bool) {
	c := l.slab.new()
	c.Start, c.End, c.Text, c.Long = start, l.pos, l.str[start:l.pos], long
	l.comments = append(l.comments, c)
}

// longBracket looks at "[" followed by '='s. If a second "[" follows, it
// consumes the opening bracket and returns its level; it returns -1 for a
// lone "[" (nothing consumed) and -2 for "[=" not followed by "[" (the '='s
// are consumed).
func (l *lexer) longBracket() int {
	i := l.pos + 1
	for i < len(l.src) && l.src[i] == '=' {
		i++
	}
	lvl := i - l.pos - 1
	if i < len(l.src) && l.src[i] == '[' {
		l.pos = i + 1
		return lvl
	}
	if lvl == 0 {
		return -1
	}
	l.pos = i
	return -2
}

// longString scans the body of a long string or comment whose opening
// bracket of the given level has been consumed.
func (l *lexer) longString(start, lvl int, isComment bool) {
	src := l.src
	for l.pos < len(src) {
		switch src[l.pos] {
		case ']':
			i := l.pos + 1
			for i < len(src) && src[i] == '=' {
				i++
			}
			if i < len(src) && src[i] == ']' && i-l.pos-1 == lvl {
				l.pos = i + 1
				return
			}
			l.pos++
		case '[':
			// Lua 5.1 rejects a nested "[[" inside a level-0 long bracket.
			if l.d == DialectLua51 && lvl == 0 && l.peekByte(1) == '[' {
				l.errf(l.pos, l.pos+2, "nesting of [[...]] is deprecated")
				l.pos += 2
				continue
			}
			l.pos++
		default:
			l.pos++
		}
	}
	if isComment {
		l.errf(start, l.pos, "unfinished long comment")
	} else {
		l.errf(start, l.pos, "unfinished long string")
	}
}

// shortString scans a quoted string, checking its escape sequences.
func (l *lexer) shortString(quote byte) {
	start := l.pos
	l.pos++
	src := l.src
	for l.pos < len(src) {
		c := src[l.pos]
		switch c {
		case quote:
			l.pos++
			return
		case '\n', '\r':
			l.errf(start, l.pos, "unfinished string")
			return
		case '\\':
			l.escape()
		default:
			l.pos++
		}
	}
	l.errf(start, l.pos, "unfinished string")
}

// escape checks one escape sequence starting at a backslash.
func (l *lexer) escape() {
	src := l.src
	esc := l.pos
	l.pos++
	if l.pos >= len(src) {
		return
	}
	c := src[l.pos]
	bad := func(msg string) {
		l.errf(esc, l.pos, msg)
	}
	switch c {
	case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"', '\'':
		l.pos++
	case '\n', '\r':
		l.pos++
		if l.pos < len(src) && (src[l.pos] == '\n' || src[l.pos] == '\r') && src[l.pos] != c {
			l.pos++
		}
	case 'x':
		if l.d == DialectLua51 {
			l.pos++
			return
		}
		l.pos++
		for i := 0; i < 2; i++ {
			if l.pos >= len(src) || !isXDigit(src[l.pos]) {
				if l.pos < len(src) && src[l.pos] != '\n' && src[l.pos] != '\r' {
					l.pos++
				}
				bad("invalid escape sequence: expected two hexadecimal digits after '\\x'")
				return
			}
			l.pos++
		}
	case 'z':
		l.pos++
		if l.d == DialectLua51 {
			return
		}
		for l.pos < len(src) {
			switch src[l.pos] {
			case ' ', '\t', '\n', '\r', '\v', '\f':
				l.pos++
				continue
			}
			break
		}
	case 'u':
		if l.d == DialectLua52 {
			l.pos++
			bad("invalid escape sequence '\\u' (\\u{XXX} needs Lua 5.3)")
			return
		}
		l.pos++
		if l.d == DialectLua51 {
			return
		}
		l.unicodeEscape(esc)
	default:
		if isDigit(c) {
			v := 0
			for i := 0; i < 3 && l.pos < len(src) && isDigit(src[l.pos]); i++ {
				v = v*10 + int(src[l.pos]-'0')
				l.pos++
			}
			if v > 255 {
				bad("escape sequence too large (above 255)")
			}
			return
		}
		if l.d == DialectLua51 || l.d == DialectLuau {
			// Lua 5.1 and Luau take any other escaped character as
			// itself ("\q" is "q"); that is also how Luau's interpolated
			// strings escape their delimiters, \` and \{.
			l.pos++
			return
		}
		if c != '\n' && c != '\r' {
			l.pos++
		}
		bad("invalid escape sequence '\\" + string(c) + "'")
	}
}

// unicodeEscape checks the "{XXX}" part of a \u escape.
func (l *lexer) unicodeEscape(esc int) {
	src := l.src
	limit := 0x7FFFFFFF
	if l.d != DialectLua54 {
		limit = 0x10FFFF
	}
	fail := func() {
		if l.pos < len(src) && src[l.pos] != '\n' && src[l.pos] != '\r' {
			l.pos++
		}
		l.errf(esc, l.pos, "invalid escape sequence: expected '\\u{XXX}' with a code point up to "+hexString(limit))
	}
	if l.pos >= len(src) || src[l.pos] != '{' {
		fail()
		return
	}
	l.pos++
	if l.pos >= len(src) || !isXDigit(src[l.pos]) {
		fail()
		return
	}
	v := 0
	for l.pos < len(src) && isXDigit(src[l.pos]) {
		v = v<<4 | hexVal(src[l.pos])
		if v > limit {
			fail()
			return
		}
		l.pos++
	}
	if l.pos >= len(src) || src[l.pos] != '}' {
		fail()
		return
	}
	l.pos++
	if l.d == DialectLuaJIT && v >= 0xD800 && v <= 0xDFFF {
		// LuaJIT refuses UTF-16 surrogates; PUC Lua and Luau encode them.
		l.errf(esc, l.pos, "invalid escape sequence: LuaJIT refuses the surrogate code point "+hexString(v))
	}
}

func hexVal(c byte) int {
	if isDigit(c) {
		return int(c - '0')
	}
	return int(c|0x20-'a') + 10
}

func hexString(v int) string {
	const digits = "0123456789ABCDEF"
	s := ""
	for v > 0 {
		s = string(digits[v&15]) + s
		v >>= 4
	}
	return "0x" + s
}

// interp scans one piece of a Luau interpolated string, starting at a
// backtick (first) or just after the '}' that closed an expression.
func (l *lexer) interp(start int, first bool) Token {
	src := l.src
	l.pos++ // the backtick or the closing brace
	for l.pos < len(src) {
		switch src[l.pos] {
		case '`':
			l.pos++
			if first {
				return Token{TInterpSimple, start, l.pos}
			}
			return Token{TInterpEnd, start, l.pos}
		case '{':
			if l.peekByte(1) == '{' {
				// Luau refuses "{{", which would look like an escaped brace.
				l.errf(start, l.pos+2, "double braces are not permitted within interpolated strings; did you mean '\\{'?")
			}
			l.braces = append(l.braces, true)
			l.pos++
			if first {
				return Token{TInterpBegin, start, l.pos}
			}
			return Token{TInterpMid, start, l.pos}
		case '\n', '\r':
			l.errf(start, l.pos, "unfinished interpolated string")
			return Token{TInterpSimple, start, l.pos}
		case '\\':
			l.escape()
		default:
			l.pos++
		}
	}
	l.errf(start, l.pos, "unfinished interpolated string")
	return Token{TInterpSimple, start, l.pos}
}

// number scans a numeral the way the selected dialect's lexer does, then
// checks that the text is a valid number of that dialect.
func (l *lexer) number() {
	src := l.src
	start := l.pos
	// The common numeral, decimal digits followed by neither a name byte
	// nor '.', is read the same way and is valid in every dialect.
	pos := start
	for pos < len(src) && isDigit(src[pos]) {
		pos++
	}
	if pos > start && (pos == len(src) || l.class[src[pos]]&clName == 0 && src[pos] != '.') {
		l.pos = pos
		return
	}
	switch l.d {
	case DialectLua51:
		for l.pos < len(src) && (isDigit(src[l.pos]) || src[l.pos] == '.') {
			l.pos++
		}
		if l.pos < len(src) && (src[l.pos]|0x20) == 'e' {
			l.pos++
			if l.pos < len(src) && (src[l.pos] == '+' || src[l.pos] == '-') {
				l.pos++
			}
		}
		for l.pos < len(src) && (isDigit(src[l.pos]) || (src[l.pos]|0x20) >= 'a' && (src[l.pos]|0x20) <= 'z' || src[l.pos] == '_') {
			l.pos++
		}
	case DialectLua52, DialectLua53, DialectLua54:
		expo := byte('e')
		if src[l.pos] == '0' && l.pos+1 < len(src) && (src[l.pos+1]|0x20) == 'x' {
			expo = 'p'
			l.pos += 2
		}
		for l.pos < len(src) {
			c := src[l.pos]
			if (c | 0x20) == expo {
				l.pos++
				if l.pos < len(src) && (src[l.pos] == '+' || src[l.pos] == '-') {
					l.pos++
				}
				continue
			}
			if isXDigit(c) || c == '.' {
				l.pos++
				continue
			}
			break
		}
		// Lua 5.4 takes one more letter to make "3x" a malformed
		// number; 5.2 and 5.3 stop, and "x" is the next token.
		if l.d == DialectLua54 && l.pos < len(src) && (src[l.pos] == '_' || (src[l.pos]|0x20) >= 'a' && (src[l.pos]|0x20) <= 'z') {
			l.pos++
		}
	default: // LuaJIT and Luau scan every identifier character, '.' and signed exponents.
		expo := byte('e')
		if src[l.pos] == '0' && l.pos+1 < len(src) && (src[l.pos+1]|0x20) == 'x' {
			expo = 'p'
		}
		prev := byte(0)
		for l.pos < len(src) {
			c := src[l.pos]
			if l.isIdent(c) || c == '.' || (c == '+' || c == '-') && (prev|0x20) == expo {
				prev = c
				l.pos++
				continue
			}
			break
		}
	}
	// Luau's parser, not its lexer, judges a numeral: where a type is
	// expected, "3i" is a misplaced token, not a malformed number.
	if l.d != DialectLuau && !validNumber(src[start:l.pos], l.d) {
		l.errf(start, l.pos, "malformed number near '"+string(src[start:l.pos])+"'")
	}
}
