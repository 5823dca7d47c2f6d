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
func keyword(b []byte) Kind {
	if len(b) < 2 || len(b) > 8 {
		return TName
	}
	switch b[0] {
	case 'a':
		if string(b) == "and" {
			return KAnd
		}
	case 'b':
		if string(b) == "break" {
			return KBreak
		}
	case 'd':
		if string(b) == "do" {
			return KDo
		}
	case 'e':
		switch string(b) {
		case "else":
			return KElse
		case "elseif":
			return KElseif
		case "end":
			return KEnd
		}
	case 'f':
		switch string(b) {
		case "false":
			return KFalse
		case "for":
			return KFor
		case "function":
			return KFunction
		}
	case 'g':
		if string(b) == "goto" {
			return KGoto
		}
	case 'i':
		switch string(b) {
		case "if":
			return KIf
		case "in":
			return KIn
		}
	case 'l':
		if string(b) == "local" {
			return KLocal
		}
	case 'n':
		switch string(b) {
		case "nil":
			return KNil
		case "not":
			return KNot
		}
	case 'o':
		if string(b) == "or" {
			return KOr
		}
	case 'r':
		switch string(b) {
		case "repeat":
			return KRepeat
		case "return":
			return KReturn
		}
	case 't':
		switch string(b) {
		case "then":
			return KThen
		case "true":
			return KTrue
		}
	case 'u':
		if string(b) == "until" {
			return KUntil
		}
	case 'w':
		if string(b) == "while" {
			return KWhile
		}
	}
	return TName
}
