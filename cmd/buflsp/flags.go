package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/buflsp/buflsp/analysis/api"
)

// parseFlags parses args into fs the way every subcommand wants: --help
// prints help on stdout and exits 0; a mistake gets one line that names it
// (with the closest flag for a misspelt one) and a pointer to --help on
// stderr, instead of the flag package's full listing with single-dash
// spellings. It returns ok=false and the exit code when the command must
// stop.
func parseFlags(fs *flag.FlagSet, args []string, help string, stdout, stderr io.Writer) (code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	err := fs.Parse(args)
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		io.WriteString(stdout, help)
		return 0, false
	}
	fmt.Fprintf(stderr, "buflsp %s: %s\nRun 'buflsp %s --help' for the flags.\n", fs.Name(), flagProblem(fs, err), fs.Name())
	return 2, false
}

// flagProblem rewrites the flag package's error in the --double-dash
// spelling the help text uses.
func flagProblem(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, found := strings.CutPrefix(msg, "flag provided but not defined: -"); found {
		name = strings.TrimLeft(name, "-")
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		out := fmt.Sprintf("unknown flag --%s", name)
		if near := api.NearestName(name, names); near != "" {
			out += fmt.Sprintf(" (did you mean --%s?)", near)
		}
		return out
	}
	if name, found := strings.CutPrefix(msg, "flag needs an argument: -"); found {
		return fmt.Sprintf("flag --%s needs a value", name)
	}
	if rest, found := strings.CutPrefix(msg, "invalid value "); found {
		// invalid value "x" for flag -jobs: parse error
		if i := strings.Index(rest, " for flag -"); i >= 0 {
			val, tail := rest[:i], rest[i+len(" for flag -"):]
			name, why, _ := strings.Cut(tail, ": ")
			return fmt.Sprintf("--%s %s: %s", name, val, why)
		}
	}
	return msg
}
