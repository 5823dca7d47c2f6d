package rules

import (
	"fmt"
	"strings"
)

// This file renders the catalogue for a terminal (`buflsp rules`), from the
// same entries as docs/rules.md, so the two never disagree.

// ListText is the catalogue as a table grouped by category: name, default
// severity, whether it has a fix, and the summary.
func (r *Registry) ListText() string {
	var b strings.Builder
	width := 0
	for _, rule := range r.All() {
		width = max(width, len(rule.Name))
	}
	var cat Category
	for _, rule := range r.All() {
		if rule.Category != cat {
			if cat != "" {
				b.WriteString("\n")
			}
			cat = rule.Category
			fmt.Fprintf(&b, "%s\n", cat)
		}
		fix := "   "
		if rule.HasFix {
			fix = "fix"
		}
		fmt.Fprintf(&b, "  %-*s  %-7s  %s  %s\n", width, rule.Name, rule.Severity, fix, rule.Summary)
	}
	b.WriteString("\nRun 'buflsp rules NAME' for what a rule means and what to do about it.\n")
	return b.String()
}

// ExplainText describes one rule: its category, default severity, fix,
// summary and the paragraph of docs/rules.md, wrapped for a terminal.
func (r *Registry) ExplainText(name string) (string, bool) {
	rule, ok := r.Lookup(name)
	if !ok {
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s; default %s", rule.Name, rule.Category, rule.Severity)
	if rule.HasFix {
		b.WriteString(", has a quick fix")
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, "Flags %s.\n\n", rule.Summary)
	b.WriteString(wrapWords(rule.Doc, 78))
	if rule.CannotDisable {
		b.WriteString("\nThis rule cannot be disabled.\n")
	} else {
		fmt.Fprintf(&b, "\nChange its severity in .buflsp.toml ([rules] %s = \"off\" | \"hint\" | \"info\" |\n", rule.Name)
		fmt.Fprintf(&b, "\"warning\" | \"error\"), or silence one finding with a comment on the line before it:\n")
		fmt.Fprintf(&b, "    ---@diagnostic disable-next-line: %s\n", rule.Name)
	}
	return b.String(), true
}

// wrapWords breaks text into lines of at most width bytes at spaces.
func wrapWords(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		if n > 0 && n+1+len(w) > width {
			b.WriteString("\n")
			n = 0
		}
		if n > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	b.WriteString("\n")
	return b.String()
}
