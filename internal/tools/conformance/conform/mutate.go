package conform

import (
	"math/rand/v2"
	"strings"
)

// mutations are fragments inserted into valid programs to produce the
// kinds of mistakes people and editors make, plus the lexical corners
// where the dialects differ, and the scope mistakes the compilers catch:
// labels, gotos and breaks out of place and assignments to <const> locals.
var mutations = []string{
	"end", "(", ")", "=", "local", "function", "[[", "'", "\"", "--[[", "0x", "1e", "..", "::",
	"\\", "~", "//", "<const>", "\n", "return", "...", "{", "}", ",", ";",
	"if", "then", "\"\\q\"", "\"\\x4\"", "\"\\u{110000}\"", "\"\\u{7FF}\"", "1LL", "0b101",
	"3i", "1ull", "0x1p4", "0x1.8", "1..2", "3x", "[=[", "]]", "a.b:c", ":", ".", "<<", "&", "#",
	"\"\\z  \n x\"", "\"\\300\"", "\"\\255\"", "@", "`", "$", "\x80", "\r",
	"while true do end", "for i=1 do", "repeat", "until x", "x = = 1", "a, b() = 1", "(a) = 1",
	"f\n(1)", "--[==[ c ]==]", "[[ [[ ]]", "1_000", "0x", ".5", "5.", "1e+", "0X1P-2", "2^-3",
	"break", "if x then break end", "goto done", "::done::", "goto top", "::top::", "::top:: ::top::",
	"do goto skip end local s = 1 ::skip::", "goto continue", "::continue::", "::continue:: ;",
	"local k <const> = 1 k = 2", "local c <close> = nil", "x <const>", "function M.f() goto out end",
	"repeat goto r local q = 1 ::r:: until q", "for i = 1, 2 do goto next ::next:: end",
	"18446744073709551615ULL", "18446744073709551616LL", "0x1FFFFFFFFFFFFFFFFLL", "0xFFFFFFFFFFFFFFFFull",
	"0b" + strings.Repeat("1", 65), "9223372036854775808", "0x7fffffffffffffff", "\"\\u{10FFFF}\"", "\"\\x4G\"", "\"\\u{D800}\"",
	"3x", "0x1p", "1e", "a // b", "~a", "a ~ b", "a >> 1", "local z <close> = nil", "::l:: ;",
}

// luauMutations are the fragments for Luau files: its own syntax and the
// places where it differs from Lua (types, generics, attributes, const,
// interpolated strings, compound assignment, the tokens it does not have).
var luauMutations = []string{
	"end", "(", ")", "=", "local", "function", "[[", "'", "\"", "{", "}", ",", ";", ":", ".", "::",
	"<", ">", "<<", ">>", "->", "?", "|", "&", "...", "@", "@native", "@[native]", "@[]", "@[deprecated(x)]",
	"@foo", "@ native", "type", "type T = number", "type function", "export type", "export", "const",
	"const x", "const y = 1 y = 2", "continue", "if x then continue end", "+=", "..=", "//=", "//",
	"`", "`{", "`{x}`", "{{", "\\{", "typeof(", "f<<number>>()", "<<", "<T>", "<T...>", "(T) -> U",
	": number", ": { [string]: number }", ": read", "read", "write", "read [string]: number",
	"A | B & C", "A? & B", "number?", "if a then b else c", "then", "else", "elseif", "goto", "::l::",
	"~", "~=", "!", "$", "\x80", "é", "0x", "0b12", "1_000", "1e", "3i", "\"\\u{110000}\"", "\r",
	"local function f<T>(x: T): T return x end", "return", "break", "...", "for i = 1, 2 do",
	"while true do", "repeat", "until x", "in", "not", "and", "or", "nil", "true",
}

// Mutate returns a copy of src with n random edits: deletions of a few
// bytes or insertions of fragments from the table above.
func Mutate(r *rand.Rand, src []byte, n int) []byte {
	return mutate(r, src, n, mutations)
}

// MutateLuau is Mutate with Luau's fragments.
func MutateLuau(r *rand.Rand, src []byte, n int) []byte {
	return mutate(r, src, n, luauMutations)
}

func mutate(r *rand.Rand, src []byte, n int, mutations []string) []byte {
	out := append([]byte(nil), src...)
	for i := 0; i < n; i++ {
		pos := r.IntN(len(out) + 1)
		if r.IntN(3) == 0 && pos < len(out) {
			end := min(len(out), pos+1+r.IntN(4))
			out = append(out[:pos], out[end:]...)
			continue
		}
		frag := mutations[r.IntN(len(mutations))]
		if r.IntN(2) == 0 {
			frag = " " + frag + " "
		}
		out = append(out[:pos], append([]byte(frag), out[pos:]...)...)
	}
	return out
}
