// Package luaustd gives a gopher-lua state the standard library of Luau,
// on top of the Lua 5.1 libraries that runtime/host opens: typeof and a
// type that knows buffers, tostring and print with Luau's number format,
// Luau's string.format (%*), bit32, utf8, and Luau's additions to table,
// string, math and coroutine. It follows the real Luau (the oracle under
// ../shared/oracles/luau) for results and error texts; what it cannot match
// is listed in docs/divergences.md.
//
// Argument errors and number conversions come from runtime/buffer/luau, so
// the buffer library and the rest of the standard library word them alike.
package luaustd
