package main

import (
	"flag"
	"fmt"
	"io"
	"runtime/debug"
)

// version and commit are set at link time by the Makefile
// (-ldflags "-X main.version=... -X main.commit=..."). When they are empty the
// values recorded by the Go toolchain in the binary's build info are used, which
// is what `go install .../cmd/buflsp@latest` provides.
var (
	version = ""
	commit  = ""
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: buflsp version\n\nPrints the buflsp version and the commit it was built from.\n")
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	v, c := buildVersion()
	fmt.Fprintf(stdout, "buflsp %s (commit %s)\n", v, c)
	return 0
}

// buildVersion returns the version and commit, preferring link-time values.
func buildVersion() (string, string) {
	v, c := version, commit
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" && info.Main.Version != "" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && c == "" {
				c = s.Value
			}
		}
	}
	if v == "" {
		v = "(devel)"
	}
	if c == "" {
		c = "unknown"
	}
	return v, c
}

// flagExit turns a flag parsing error into an exit code: asking for help is a
// success, anything else is a usage error.
func flagExit(err error) int {
	if err == flag.ErrHelp {
		return 0
	}
	return 2
}
