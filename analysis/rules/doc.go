// Package rules is the analyzer's rule framework: the diagnostic types every
// rule produces, the Pass a rule runs on, and the catalogue of every rule name
// from RULES.md with its default severity and documentation.
//
// Adding a rule is one file in this package with a func(*Pass), plus one line
// in implementations (registry.go) that ties it to its catalogue entry. The
// catalogue, not the implementation, is the source of truth for names,
// severities and docs; docs/rules.md is generated from it.
package rules
