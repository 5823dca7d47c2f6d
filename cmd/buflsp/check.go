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
       buflsp check [flags] --stdin-filename NAME -

Checks .lua and .luau files for buffer mistakes: string.buffer and Luau buffer
API misuse, needless copies, stale pointers and aliasing views, and syntax
errors. Directories are walked in parallel; hidden directories, node_modules,
files matched by .gitignore and the ignore patterns of .buflsp.toml are
skipped. With no paths, the current directory is checked. The path "-" reads
the source from standard input, checked as --stdin-filename (for editors and
linters such as nvim-lint, ALE, efm and none-ls).

Configuration comes from the first .buflsp.toml found walking up from each
path (or --config): target, [rules] severities, globals, ignore.
A file's target (its Lua version, which decides the syntax and the buffer
library) comes from a first line "-- target: lua54", else the .luau
extension, else --target or the configuration, else a LuaLS .luarc.json
runtime.version found walking up, else luajit.
Suppress one finding with a comment on the line before it:
    ---@diagnostic disable-next-line: buffer-concat

Flags:
  --format F       text (default), json, sarif or github
  --fix            apply quick fixes in place (never to files with syntax errors)
  --diff           print the quick fixes as a unified diff and write nothing
                   (implies --fix; the diff applies with git apply or patch -p1)
  --rule R,R       run only these rules (syntax-error always runs)
  --disable R,R    turn these rules off
  --fail-level L   exit 1 on findings at or above L: error, warning (default),
                   info or hint (--severity is the same flag)
  --target T       lua51, lua52, lua53, lua54, luajit, luau or buflsp for files
                   that do not say (default: the configuration, else the
                   runtime.version of a LuaLS .luarc.json, else luajit)
  --config FILE    use this .buflsp.toml instead of looking one up
  --jobs N         check N files at once (default: number of CPUs)
  --max-file-size MB
                   read source files up to MB MiB (default: maxFileSizeMb
                   of the configuration, else 32). In a directory, bigger
                   files and anything that is not a regular file (FIFOs,
                   devices, symlinks to them) are skipped with a note;
                   named on the command line, they are an error
  --stdin-filename NAME
                   the file name standard input is checked as, with "-"
                   (default stdin.lua); it picks the dialect (.luau) and
                   the .buflsp.toml
  --color WHEN     auto (default: on a terminal, unless NO_COLOR is set),
                   always or never; colour and source excerpts with carets
  -q, --quiet      print the findings only: no summary line, no fix notes

Examples:
  buflsp check examples/
  buflsp check --format sarif src/ > buflsp.sarif
  buflsp check --format github --fail-level error .
  buflsp check --fix --rule method-call-with-dot src/
  buflsp check --diff src/ | git apply --check      # review the fixes first
  buflsp check --stdin-filename src/a.lua - < src/a.lua

Exit codes:
  0  no findings at or above the fail level
  1  findings at or above the fail level
  2  usage error, bad configuration, unreadable path or internal error

Rules: 'buflsp rules' lists them, 'buflsp rules NAME' explains one (docs/rules.md). Output formats and the JSON schema: docs/check.md.
`

func runCheck(args []string, stdout, stderr io.Writer) int {
	return check(args, os.Stdin, stdout, stderr)
}

// check is runCheck with its standard input as a parameter, for tests.
func check(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
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
	fs.IntVar(&opts.MaxFileSizeMB, "max-file-size", 0, "largest file read, in MiB")
	fs.BoolVar(&opts.Diff, "diff", false, "print the fixes as a diff")
	fs.StringVar(&opts.StdinName, "stdin-filename", "", "name of the file read from stdin")
	fs.BoolVar(&opts.Quiet, "quiet", false, "findings only")
	fs.BoolVar(&opts.Quiet, "q", false, "findings only")
	color := fs.String("color", "auto", "auto, always or never")
	if code, ok := parseFlags(fs, args, checkHelp, stdout, stderr); !ok {
		return code
	}
	opts.Paths = fs.Args()
	opts.Rules = splitList(rules)
	opts.Disable = splitList(disable)
	opts.Version, _ = buildVersion()
	var ok bool
	if opts.Color, opts.Excerpt, ok = colorChoice(*color, isTerminal(stdout), os.Getenv); !ok {
		fmt.Fprintf(stderr, "buflsp check: --color %q: expected auto, always or never\n", *color)
		return 2
	}
	opts.Progress = isTerminal(stderr) && !opts.Quiet
	opts.Stdin = stdin
	return report.Run(opts, stdout, stderr)
}

// colorChoice decides colour and source excerpts from --color, whether
// stdout is a terminal and the environment: auto colours a terminal unless
// NO_COLOR is set to anything (no-color.org) or TERM is dumb; always forces
// both, also into a pipe (less -R); excerpts follow the terminal otherwise.
func colorChoice(when string, terminal bool, getenv func(string) string) (color, excerpt, ok bool) {
	switch when {
	case "auto":
		return terminal && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb", terminal, true
	case "always":
		return true, true, true
	case "never":
		return false, terminal, true
	}
	return false, false, false
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
