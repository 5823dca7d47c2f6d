// Package analysis is the analyzer's driver: source text in, sorted
// diagnostics out. It parses a file with analysis/syntax in the file's target
// dialect, turns syntax errors into syntax-error diagnostics, runs the rules
// of analysis/rules, applies ---@diagnostic suppression comments and the
// configured severities, and sorts the result.
//
// CheckSource is pure: it does no I/O and never panics, so the command line
// and the language server call it the same way. CheckPaths (walk.go) adds the
// file system for `buflsp check`, and ApplyFixes (fix.go) the --fix edits.
package analysis
