package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/buflsp/buflsp/analysis/report"
)

const checkHelp = `Usage: buflsp check [flags] [paths...]

Checks .lua and .luau files for buffer mistakes: string.buffer and Luau buffer
API misuse, needless copies, stale pointers and aliasing views, and syntax
errors. Directories are walked in parallel; hidden directories, node_modules,
files matched by .gitignore and the ignore patterns of .buflsp.toml are
skipped. With no paths, the current directory is checked.

Configuration comes from the first .buflsp.toml found walking up from each
path (or --config): target, [rules] severities, globals, ignore.
Suppress one finding with a comment on the line before it:
    ---@diagnostic disable-next-line: buffer-concat

Flags:
  --format F       text (default), json, sarif or github
  --fix            apply quick fixes in place (never to files with syntax errors)
  --rule R,R       run only these rules (syntax-error always runs)
  --disable R,R    turn these rules off
  --fail-level L   exit 1 on findings at or above L: error, warning (default),
                   info or hint (--severity is the same flag)
  --target T       luajit, luau or buflsp for files that do not say (default
                   from the configuration, else luajit)
  --config FILE    use this .buflsp.toml instead of looking one up
  --jobs N         check N files at once (default: number of CPUs)

Examples:
  buflsp check examples/
  buflsp check --format sarif src/ > buflsp.sarif
  buflsp check --format github --fail-level error .
  buflsp check --fix --rule method-call-with-dot src/

Exit codes:
  0  no findings at or above the fail level
  1  findings at or above the fail level
  2  usage error, bad configuration, unreadable path or internal error

Rules: docs/rules.md. Output formats and the JSON schema: docs/check.md.
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, checkHelp) }
	var opts report.Options
	var rules, disable string
	fs.StringVar(&opts.Format, "format", "text", "output format")
	fs.BoolVar(&opts.Fix, "fix", false, "apply quick fixes")
	fs.StringVar(&rules, "rule", "", "only these rules")
	fs.StringVar(&disable, "disable", "", "turn these rules off")
	fs.StringVar(&opts.FailLevel, "fail-level", "warning", "exit 1 at or above this severity")
	fs.StringVar(&opts.FailLevel, "severity", "warning", "same as --fail-level")
	fs.StringVar(&opts.Target, "target", "", "dialect")
	fs.StringVar(&opts.ConfigPath, "config", "", "configuration file")
	fs.IntVar(&opts.Jobs, "jobs", 0, "files checked at once")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	opts.Paths = fs.Args()
	opts.Rules = splitList(rules)
	opts.Disable = splitList(disable)
	opts.Version, _ = buildVersion()
	opts.Excerpt = isTerminal(stdout)
	opts.Progress = isTerminal(stderr)
	return report.Run(opts, stdout, stderr)
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
