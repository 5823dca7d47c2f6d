package syntax

// Kind is the kind of a lexical token.
type Kind uint8

// Token kinds. Operators are lexed in every dialect; the parser reports the
// ones a dialect lacks, which gives better messages and recovery than
// splitting them into characters.
const (
	EOF     Kind = iota
	Illegal      // a character that starts no token
	TName
	TNumber
	TString
	// Luau interpolated strings: `a{ is InterpBegin, }b{ is InterpMid,
	// }c` is InterpEnd and `abc` without braces is InterpSimple.
	TInterpSimple
	TInterpBegin
	TInterpMid
	TInterpEnd

	keywordStart
	KAnd
	KBreak
	KDo
	KElse
	KElseif
	KEnd
	KFalse
	KFor
	KFunction
	KGoto
	KIf
	KIn
	KLocal
	KNil
	KNot
	KOr
	KRepeat
	KReturn
	KThen
	KTrue
	KUntil
	KWhile
	keywordEnd

	OAdd      // +
	OSub      // -
	OMul      // *
	ODiv      // /
	OIDiv     // //
	OMod      // %
	OPow      // ^
	OLen      // #
	OBAnd     // &
	OTilde    // ~
	OBOr      // |
	OShl      // <<
	OShr      // >>
	OConcat   // ..
	OEq       // ==
	ONe       // ~=
	OLt       // <
	OLe       // <=
	OGt       // >
	OGe       // >=
	OAssign   // =
	OLParen   // (
	ORParen   // )
	OLBrace   // {
	ORBrace   // }
	OLBracket // [
	ORBracket // ]
	OSemi     // ;
	OColon    // :
	ODColon   // ::
	OComma    // ,
	ODot      // .
	OVararg   // ...
	OArrow    // ->  (Luau types)
	OQuestion // ?   (Luau optional types)
	OAt       // @   (Luau attributes)
	// Luau compound assignment operators.
	OAddAssign    // +=
	OSubAssign    // -=
	OMulAssign    // *=
	ODivAssign    // /=
	OIDivAssign   // //=
	OModAssign    // %=
	OPowAssign    // ^=
	OConcatAssign // ..=
	kindCount
)

var kindText = [kindCount]string{
	EOF: "<eof>", Illegal: "illegal character", TName: "name", TNumber: "number", TString: "string",
	TInterpSimple: "interpolated string", TInterpBegin: "interpolated string", TInterpMid: "interpolated string", TInterpEnd: "interpolated string",
	KAnd: "and", KBreak: "break", KDo: "do", KElse: "else", KElseif: "elseif", KEnd: "end", KFalse: "false",
	KFor: "for", KFunction: "function", KGoto: "goto", KIf: "if", KIn: "in", KLocal: "local", KNil: "nil",
	KNot: "not", KOr: "or", KRepeat: "repeat", KReturn: "return", KThen: "then", KTrue: "true",
	KUntil: "until", KWhile: "while",
	OAdd: "+", OSub: "-", OMul: "*", ODiv: "/", OIDiv: "//", OMod: "%", OPow: "^", OLen: "#",
	OBAnd: "&", OTilde: "~", OBOr: "|", OShl: "<<", OShr: ">>", OConcat: "..", OEq: "==", ONe: "~=",
	OLt: "<", OLe: "<=", OGt: ">", OGe: ">=", OAssign: "=", OLParen: "(", ORParen: ")", OLBrace: "{",
	ORBrace: "}", OLBracket: "[", ORBracket: "]", OSemi: ";", OColon: ":", ODColon: "::", OComma: ",",
	ODot: ".", OVararg: "...", OArrow: "->", OQuestion: "?", OAt: "@",
	OAddAssign: "+=", OSubAssign: "-=", OMulAssign: "*=", ODivAssign: "/=", OIDivAssign: "//=",
	OModAssign: "%=", OPowAssign: "^=", OConcatAssign: "..=",
}

// String returns the source spelling of operators and keywords and a word
// for the other kinds.
func (k Kind) String() string {
	if k < kindCount {
		return kindText[k]
	}
	return "?"
}

// IsKeyword reports whether k is a reserved word.
func (k Kind) IsKeyword() bool { return k > keywordStart && k < keywordEnd }

// Token is one lexical token: its kind and byte range.
type Token struct {
	Kind       Kind
	Start, End int
}

// IsName reports whether s can be written as a Lua name: ASCII letters,
// digits and '_', not starting with a digit, and not a reserved word ("goto"
// counts as reserved, as it is in Lua 5.2+ and in LuaJIT's goto statements).
func IsName(s string) bool {
	if s == "" || isDigit(s[0]) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '_' && !isDigit(c) && !(c|0x20 >= 'a' && c|0x20 <= 'z') {
			return false
		}
	}
	return keyword([]byte(s)) == TName
}

// keyword maps a reserved word to its kind, or returns TName.
//
// The lexer asks this of every name, so it costs one jump and at most one
// comparison: (first byte + last byte + 8*length) mod 64 differs for every
// reserved word of every dialect (the compiler rejects duplicate cases, so
// a new word that collided would not build), and the only candidate for a
// slot is compared with the text.
func keyword(b []byte) Kind {
	n := len(b)
	if n < 2 || n > 8 {
		return TName
	}
	var word string
	var k Kind
	switch (int(b[0]) + int(b[n-1]) + 8*n) & 63 {
	case 0:
		word, k = "local", KLocal
	case 2:
		word, k = "then", KThen
	case 4:
		word, k = "while", KWhile
	case 9:
		word, k = "until", KUntil
	case 16:
		word, k = "return", KReturn
	case 20:
		word, k = "function", KFunction
	case 22:
		word, k = "repeat", KRepeat
	case 29:
		word, k = "and", KAnd
	case 31:
		word, k = "if", KIf
	case 33:
		word, k = "end", KEnd
	case 35:
		word, k = "do", KDo
	case 39:
		word, k = "in", KIn
	case 42:
		word, k = "else", KElse
	case 48:
		word, k = "for", KFor
	case 49:
		word, k = "or", KOr
	case 50:
		word, k = "nil", KNil
	case 51:
		word, k = "false", KFalse
	case 53:
		word, k = "break", KBreak
	case 54:
		word, k = "goto", KGoto
	case 57:
		word, k = "true", KTrue
	case 58:
		word, k = "not", KNot
	case 59:
		word, k = "elseif", KElseif
	default:
		return TName
	}
	if string(b) != word {
		return TName
	}
	return k
}
