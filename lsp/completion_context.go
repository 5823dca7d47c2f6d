package lsp

// This file decides, from the text the client has now, whether a completion
// request sits in a comment or a string, for the case where the analysis
// completion reads is older than that text: the characters just typed may
// have opened a comment or a string the analysis has not seen.

// quietAt reports whether off lies inside a comment or a string of the
// current text (where completion offers nothing). known is false when it
// cannot tell cheaply: the line starts inside a multi-line comment or string
// of the older analysis, or in text typed since.
func quietAt(v *view, off int) (quiet, known bool) {
	src := v.cur.Content
	ls := off
	for ls > 0 && src[ls-1] != '\n' && src[ls-1] != '\r' {
		ls--
	}
	bls, ok := v.m.toBaseStrict(ls)
	if !ok || inComment(v.ix.file, bls) || v.ix.inString(bls) {
		return false, false
	}
	return scanLine(src, ls, off), true
}

// scanLine reports whether off is inside a comment or string that starts
// between ls (the start of a line that begins outside both) and off. It
// follows Lua's lexical rules for quotes, escapes, line comments and long
// brackets, and treats Luau's backtick strings as strings.
func scanLine(src []byte, ls, off int) bool {
	for i := ls; i < off; i++ {
		switch c := src[i]; c {
		case '-':
			if i+1 >= len(src) || src[i+1] != '-' {
				continue
			}
			if lvl, ok := longOpen(src, i+2); ok {
				end, closed := longClose(src, i+2+lvl+2, lvl)
				// A comment still holds a cursor right after its end.
				if !closed || off <= end {
					return true
				}
				i = end - 1
				continue
			}
			return true // a line comment runs to the end of the line
		case '[':
			lvl, ok := longOpen(src, i)
			if !ok {
				continue
			}
			end, closed := longClose(src, i+lvl+2, lvl)
			if !closed || off < end {
				return true
			}
			i = end - 1
		case '"', '\'', '`':
			j := i + 1
			for j < len(src) && src[j] != c && src[j] != '\n' && src[j] != '\r' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			if j >= off {
				return true // not closed before off
			}
			i = j
		}
	}
	return false
}

// longOpen reports whether a long bracket [[, [=[, ... starts at i, and its
// level (the number of '=').
func longOpen(src []byte, i int) (int, bool) {
	if i >= len(src) || src[i] != '[' {
		return 0, false
	}
	j := i + 1
	for j < len(src) && src[j] == '=' {
		j++
	}
	if j < len(src) && src[j] == '[' {
		return j - i - 1, true
	}
	return 0, false
}

// longClose finds the closing bracket of level lvl from i and returns the
// offset just after it.
func longClose(src []byte, i, lvl int) (int, bool) {
	for ; i < len(src); i++ {
		if src[i] != ']' {
			continue
		}
		j := i + 1
		for j < len(src) && src[j] == '=' {
			j++
		}
		if j-i-1 == lvl && j < len(src) && src[j] == ']' {
			return j + 1, true
		}
	}
	return 0, false
}
