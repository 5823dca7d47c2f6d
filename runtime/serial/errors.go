package serial

import (
	"errors"
	"fmt"
)

// The messages below are LuaJIT's own texts. The Lua binding raises them
// unchanged, so they must not be reworded.
const (
	msgUnexpectedEnd = "unexpected end of buffer"
	msgTooDeep       = "too deep to serialize"
	msgLeftOver      = "left-over data in buffer"
	msgTableOverflow = "table overflow"
	msgIndexNil      = "table index is nil"
	msgIndexNaN      = "table index is NaN"
	msgDuplicateKey  = "duplicate table key"
)

// ErrBadOptions is returned by NewOptions when a dict entry is not a string
// (or false) or a metatable entry is not a table (or false). Its text is
// LuaJIT's.
var ErrBadOptions = errors.New("bad options table")

// DecodeError is a failure to decode. Msg is exactly the message LuaJIT
// raises for the same input, and Error returns only Msg, so the Lua binding
// can raise it unchanged. Offset is the byte offset, relative to the start
// of the decoded input, at which the offending item begins.
type DecodeError struct {
	Offset int
	Msg    string
}

func (e *DecodeError) Error() string { return e.Msg }

// EncodeError is a failure to encode a value. Msg is LuaJIT's message where
// LuaJIT has one (unsupported types, too deep nesting); Go-only failures such
// as an integer that does not fit a double have their own texts.
type EncodeError struct {
	Msg string
}

func (e *EncodeError) Error() string { return e.Msg }

// goDecodeError wraps a decode error for the Go API so that its text names
// the byte offset while errors.As still finds the *DecodeError.
func goDecodeError(err error) error {
	var de *DecodeError
	if errors.As(err, &de) {
		return fmt.Errorf("serial: decode at byte %d: %w", de.Offset, err)
	}
	return err
}

func errAt(off int, msg string) *DecodeError { return &DecodeError{Offset: off, Msg: msg} }

func errBadTag(off int, tag uint32) *DecodeError {
	return &DecodeError{Offset: off, Msg: fmt.Sprintf("cannot deserialize tag 0x%02x", tag)}
}

// errDictIndex formats the 1-based index as a signed 32-bit number, like
// LuaJIT, so that huge indexes wrap around exactly as they do there.
func errDictIndex(off int, idx uint32) *DecodeError {
	return &DecodeError{Offset: off, Msg: fmt.Sprintf("cannot deserialize dictionary index %d", int32(idx+1))}
}

func errCannotSerialize(typeName string) *EncodeError {
	return &EncodeError{Msg: fmt.Sprintf("cannot serialize '%s'", typeName)}
}
