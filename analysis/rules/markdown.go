package rules

import (
	"fmt"
	"strings"
)

// Markdown renders the catalogue as the user documentation in docs/rules.md.
// A test keeps the checked-in file equal to this output.
func (r *Registry) Markdown() string {
	var b strings.Builder
	b.WriteString("<!-- Generated from analysis/rules/catalog.go by `go test ./analysis/rules -update`. Do not edit. -->\n\n")
	b.WriteString("# buflsp rules\n\n")
	b.WriteString("Each rule has a stable kebab-case name, used in output, in `.buflsp.toml` and in\n")
	b.WriteString("`---@diagnostic` comments, and a default severity that the configuration can change\n")
	b.WriteString("(`off`, `hint`, `info`, `warning`, `error`). Rules marked *fix* offer a quick fix that the\n")
	b.WriteString("editor shows as a code action and `buflsp check --fix` applies.\n")
	var cat Category
	for _, rule := range r.All() {
		if rule.Category != cat {
			cat = rule.Category
			fmt.Fprintf(&b, "\n## %s\n\n| name | default | fix | flags |\n| --- | --- | --- | --- |\n", cat)
			for _, x := range r.All() {
				if x.Category != cat {
					continue
				}
				fix := ""
				if x.HasFix {
					fix = "fix"
				}
				fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s |\n", x.Name, x.Name, x.Severity, fix, x.Summary)
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "### %s\n\n%s\n", rule.Name, rule.Doc)
		if rule.CannotDisable {
			b.WriteString("\nThis rule cannot be disabled.\n")
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
