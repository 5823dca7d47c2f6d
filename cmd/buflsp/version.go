package main

import (
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// version and commit are set at link time by the Makefile
// (-ldflags "-X main.version=... -X main.commit=..."). When they are empty the
// values recorded by the Go toolchain in the binary's build info are used, which
// is what `go install .../cmd/buflsp@latest` provides.
var (
	version = ""
	commit  = ""
)

const versionHelp = "Usage: buflsp version\n\nPrints the buflsp version and the commit it was built from.\n"

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	if code, ok := parseFlags(fs, args, versionHelp, stdout, stderr); !ok {
		return code
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
		c = pseudoVersionCommit(v)
	}
	if c == "" {
		c = "unknown"
	}
	return v, c
}

// pseudoVersionCommit returns the commit prefix that a Go pseudo-version
// ends with (v0.0.0-20261121193000-abcdef123456 gives abcdef123456), or "".
// `go install ...@latest` of an untagged commit records only such a version:
// builds from the module proxy carry no VCS information.
func pseudoVersionCommit(v string) string {
	v, _, _ = strings.Cut(v, "+") // +incompatible, +dirty
	i := strings.LastIndexByte(v, '-')
	if i < 0 || len(v)-i-1 != 12 {
		return ""
	}
	hash := v[i+1:]
	if strings.Trim(hash, "0123456789abcdef") != "" {
		return ""
	}
	// The part before the hash must be a 14-digit timestamp for this to be a
	// pseudo-version and not a tag that happens to end in hex.
	ts := v[:i]
	if j := strings.LastIndexAny(ts, "-."); j >= 0 {
		ts = ts[j+1:]
	}
	if len(ts) != 14 || strings.Trim(ts, "0123456789") != "" {
		return ""
	}
	return hash
}
