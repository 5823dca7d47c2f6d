package syntax

// Tokens lexes src in a dialect and returns every token, with comments and
// whitespace left in the gaps between them (src[prev.End:tok.Start] is the
// trivia before tok). The last token is EOF.
func Tokens(src []byte, d Dialect) []Token {
	var lx lexer
	if d == DialectDefault {
		d = DialectLuaJIT
	}
	lx.init(src, string(src), d, func(int, int, string) {}, &slab[Comment]{})
	var out []Token
	for {
		t := lx.next()
		out = append(out, t)
		if t.Kind == EOF {
			return out
		}
	}
}
