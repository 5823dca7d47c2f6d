// Package luau implements Luau's buffer library on gopher-lua.
//
// A Luau buffer is a fixed-size, zero-initialised block of bytes addressed
// with 0-based offsets; multi-byte values are little-endian. The library
// functions (buffer.create, buffer.readu32, buffer.writebits, ...) match Luau
// in results, in the order in which arguments are checked, in how numbers are
// converted to integers (the x86-64 results of Luau's C casts, defined
// explicitly in convert.go) and in the exact error texts, such as
// "invalid argument #2 to 'readu8' (number expected, got string)" and
// "buffer access out of bounds".
//
// In gopher-lua a buffer is a userdata with a protected metatable, so
// type(b) is "userdata" rather than "buffer" and getmetatable(b) is false
// rather than nil; everything else a script can observe follows Luau.
//
// Go host code creates and accepts buffers with New, FromBytes, Check and To.
package luau
