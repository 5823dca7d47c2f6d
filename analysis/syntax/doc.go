// Package syntax is buflsp's Lua front end: a lexer and an error-tolerant
// recursive-descent parser for Lua 5.1, LuaJIT 2.1, Lua 5.2-5.4 and Luau.
//
// Parse never fails and never panics: it returns a *File holding a tree in
// which every node knows its byte range, every comment of the source, and the
// syntax errors found, sorted by position. Broken regions become Bad nodes and
// missing names become empty Name nodes, so that a file being typed still has a
// tree for the rest of the file.
//
// Invariant: this package imports nothing else from buflsp, and it knows
// nothing of the language server protocol; positions are byte offsets, and
// LineTable converts them to lines and columns on request.
package syntax
