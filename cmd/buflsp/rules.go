package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/buflsp/buflsp/analysis/rules"
)

const rulesHelp = `Usage: buflsp rules [NAME]

Without NAME, lists every rule: its name, default severity, whether it has a
quick fix, and what it flags. With NAME, explains that rule: why it matters
and what to do instead. The text is the catalogue that docs/rules.md is
generated from.

Examples:
  buflsp rules
  buflsp rules stale-pointer

Exit codes:
  0  printed
  2  unknown rule name or bad flags
`

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	if code, ok := parseFlags(fs, args, rulesHelp, stdout, stderr); !ok {
		return code
	}
	reg := rules.NewRegistry()
	switch fs.NArg() {
	case 0:
		io.WriteString(stdout, reg.ListText())
		return 0
	case 1:
		text, ok := reg.ExplainText(fs.Arg(0))
		if !ok {
			msg := fmt.Sprintf("buflsp rules: unknown rule %q", fs.Arg(0))
			if near := reg.Nearest(fs.Arg(0)); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			fmt.Fprintf(stderr, "%s\nRun 'buflsp rules' for the list.\n", msg)
			return 2
		}
		io.WriteString(stdout, text)
		return 0
	}
	fmt.Fprintln(stderr, "buflsp rules: give at most one rule name\nRun 'buflsp rules --help' for usage.")
	return 2
}
