// Package lower turns the parser's tree (analysis/syntax) into gopher-lua's
// syntax tree (github.com/yuin/gopher-lua/ast), which the runtime compiles
// with lua.Compile. It is the runtime's only front end: `buflsp run`, `eval`,
// the sandbox and load/require inside a state all read source through
// analysis/syntax, so the runtime accepts exactly what the analyzer accepts.
//
// Every node keeps the line of its source, so runtime errors and tracebacks
// point at the user's lines. Besides a one-to-one translation of Lua, it
// lowers Luau's constructs:
//
//   - type annotations, aliases, generics, casts and @attributes are
//     dropped (a cast still truncates a call to one value);
//   - compound assignment (x += 1, t[k] ..= s) evaluates the target's table
//     and key once;
//   - continue jumps to a label after the loop body;
//   - if-then-else expressions become and/or when every branch value is a
//     constant that cannot be false, and a called closure otherwise;
//   - interpolated strings become concatenations of tostring results;
//   - floor division a // b and generalized iteration (for k, v in t, with
//     __iter) call small helpers that the chunk defines first, as locals
//     whose names no source can spell.
//
// Literals are decoded here (strings with every escape, numbers exactly),
// so gopher-lua's own lexer and number reader never see the source.
//
// Lowering is one walk over the tree, linear in its size, and it stops when
// the context is done. It imports gopher-lua's ast package only: compiling
// and running belong to runtime/.
package lower
