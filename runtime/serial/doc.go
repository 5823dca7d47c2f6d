// Package serial implements LuaJIT's serialization format (the one behind
// string.buffer's encode and decode) byte for byte, for two kinds of values:
// gopher-lua values, through AppendLua and DecodeLua, and plain Go values,
// through Marshal, Unmarshal, Encoder and Decoder.
//
// The format is a sequence of self-delimiting objects. Each object starts with
// a tag written as a prefix-encoded unsigned number (see prefix.go); strings,
// numbers, tables and the FFI number types follow the grammar of LuaJIT's
// manual. The encoder makes the same choices as x86-64 LuaJIT: every Lua
// number is written as a double (tag 0x07), and the array part of a table is
// the run of non-nil values at keys 1..n (plus key 0), which is what LuaJIT
// produces for tables built in the usual ways.
//
// Decoding never trusts a length prefix: counts are checked against the bytes
// that are left before anything is allocated, recursion is bounded by
// LuaJIT's depth limit of 100 nested tables, and every decode error carries
// the byte offset at which the offending item starts.
package serial
