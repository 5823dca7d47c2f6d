// Package report runs `buflsp check` and renders its results: plain text
// for people, a versioned JSON document for scripts, SARIF 2.1.0 for
// code-scanning uploads, and GitHub Actions workflow commands for inline
// annotations.
//
// cmd/buflsp only parses flags into Options and calls Run; everything the
// command decides (configuration lookup, exit codes, progress) lives here.
package report
