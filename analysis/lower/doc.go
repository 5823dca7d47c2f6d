// Package lower rewrites Luau-only syntax into Lua 5.1 that gopher-lua runs,
// keeping every line where it was, so that errors raised by the rewritten
// code point at the user's own lines.
//
// It works on the tree from analysis/syntax and edits the source text rather
// than printing a new tree: everything that is already Lua is copied byte for
// byte, comments included. What it rewrites:
//
//   - type annotations, type aliases, generics, casts and @attributes are
//     erased (a cast keeps parentheses, as it truncates to one value);
//   - compound assignment (x += 1, t[k] ..= s) becomes a plain assignment,
//     evaluating the target's table and key once;
//   - continue becomes a goto to a label at the end of the loop body;
//   - if-then-else expressions become an immediately called function;
//   - interpolated strings become concatenations with tostring;
//   - floor division a // b becomes math.floor(a / b);
//   - binary literals and digit separators become plain numbers.
//
// The package is a pure text transform: it imports only analysis/syntax.
package lower
