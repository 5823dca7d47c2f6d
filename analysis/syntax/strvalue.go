package syntax

import "strings"

// This file decodes string literals to the bytes they stand for. The lexer
// has already checked the escapes of a literal that parsed without errors,
// so the decoder can be lenient: on text the lexer rejected it still returns
// something, and reports false only where the literal is cut short.

// StringValue decodes a string literal with its quotes or long brackets:
// "...", '...', `...` (a Luau interpolated string without braces) or
// [==[...]==].
func StringValue(raw string) (string, bool) {
	if len(raw) >= 2 && raw[0] == '[' {
		level := strings.IndexByte(raw[1:], '[')
		if level < 0 || len(raw) < 2*level+4 {
			return "", false
		}
		return longBody(raw[level+2 : len(raw)-level-2]), true
	}
	if len(raw) < 2 || (raw[0] != '"' && raw[0] != '\'' && raw[0] != '`') || raw[len(raw)-1] != raw[0] {
		return "", false
	}
	return Unescape(raw[1 : len(raw)-1])
}

// InterpPart decodes one raw piece of an interpolated string (Interp.Parts):
// the piece keeps its delimiters, a backquote or a brace at each end.
func InterpPart(raw string) (string, bool) {
	if len(raw) < 2 {
		return "", false
	}
	return Unescape(raw[1 : len(raw)-1])
}

// longBody is the value of a long string's contents: a first newline is
// dropped and every line break ("\n", "\r", "\r\n" or "\n\r") reads as "\n".
func longBody(body string) string {
	if strings.HasPrefix(body, "\r\n") || strings.HasPrefix(body, "\n\r") {
		body = body[2:]
	} else if strings.HasPrefix(body, "\n") || strings.HasPrefix(body, "\r") {
		body = body[1:]
	}
	if !strings.ContainsRune(body, '\r') {
		return body
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\r' || c == '\n' {
			if i+1 < len(body) && (body[i+1] == '\r' || body[i+1] == '\n') && body[i+1] != c {
				i++
			}
			c = '\n'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Unescape decodes the body of a quoted string: the escapes of LuaJIT, Lua
// 5.x and Luau (\n and the other letters, \ddd, \xXX, \u{XXX}, \z and an
// escaped line break). Any other escaped character stands for itself, as in
// Lua 5.1 and Luau.
func Unescape(body string) (string, bool) {
	if !strings.ContainsRune(body, '\\') {
		return body, true
	}
	var b strings.Builder
	b.Grow(len(body))
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			continue
		}
		i++
		if i >= len(body) {
			return "", false
		}
		switch c = body[i]; c {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '\n', '\r':
			b.WriteByte('\n')
			if i+1 < len(body) && (body[i+1] == '\n' || body[i+1] == '\r') && body[i+1] != c {
				i++
			}
		case 'x':
			if i+2 >= len(body) || !isXDigit(body[i+1]) || !isXDigit(body[i+2]) {
				return "", false
			}
			b.WriteByte(byte(hexVal(body[i+1])<<4 | hexVal(body[i+2])))
			i += 2
		case 'z':
			for i+1 < len(body) && strings.IndexByte(" \t\n\r\v\f", body[i+1]) >= 0 {
				i++
			}
		case 'u':
			end := strings.IndexByte(body[i:], '}')
			if i+1 >= len(body) || body[i+1] != '{' || end < 3 {
				return "", false
			}
			v := 0
			for _, d := range []byte(body[i+2 : i+end]) {
				if !isXDigit(d) || v > 0x7FFFFFF {
					return "", false
				}
				v = v<<4 | hexVal(d)
			}
			appendUTF8(&b, v)
			i += end
		default:
			if !isDigit(c) {
				b.WriteByte(c)
				continue
			}
			v, j := 0, i
			for j < len(body) && j < i+3 && isDigit(body[j]) {
				v = v*10 + int(body[j]-'0')
				j++
			}
			if v > 255 {
				return "", false
			}
			b.WriteByte(byte(v))
			i = j - 1
		}
	}
	return b.String(), true
}

// appendUTF8 writes v as Lua writes \u{v}: UTF-8 extended to 31 bits (Lua
// 5.4 accepts up to 0x7FFFFFFF; the others stop at 0x10FFFF), surrogates
// included, which Go's encoder would replace.
func appendUTF8(b *strings.Builder, v int) {
	if v < 0x80 {
		b.WriteByte(byte(v))
		return
	}
	var buf [6]byte
	n, limit := 0, 0x3f
	for v > limit {
		buf[5-n] = byte(0x80 | v&0x3f)
		v >>= 6
		n++
		limit >>= 1
	}
	buf[5-n] = byte(^(limit<<1|1)&0xff | v) // lead byte: n+1 high bits set
	b.Write(buf[5-n:])
}
