// Command buflsp is a toolkit for Lua code that works with binary buffers: it runs
// scripts on a runtime compatible with LuaJIT's string.buffer and Luau's buffer
// library, checks sources for buffer mistakes, and serves the Language Server
// Protocol.
//
// main only parses flags and hands over to the packages that do the work; each
// subcommand lives in its own file and registers itself in the commands table.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/runtime/sandbox/proc"
)

// command is one subcommand: its name, a one-line summary for the overview,
// its --help text (whose "--flag" lines the shell completion reads), and the
// function that parses its flags and runs it, returning the exit code.
type command struct {
	name    string
	summary string
	help    string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists every subcommand. It is built by a function, not kept in a
// package variable, so that nothing here is mutable global state.
func commands() []command {
	cmds := []command{
		{"version", "print the version and commit", versionHelp, runVersion},
		{"run", "run a Lua script on the buflsp runtime", runHelp, runRun},
	}
	cmds = append(cmds, extraCommands()...)
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	return cmds
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

// dispatch picks the subcommand named by args[0] and runs it.
func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			return dispatch([]string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return 0
	case "-version", "--version":
		name = "version"
	}
	switch name {
	case proc.WorkerCommand:
		return runWorker(args[1:], stdout, stderr)
	case proc.RunChildCommand:
		return runRunChild(args[1:], stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == name {
			return c.run(args[1:], stdout, stderr)
		}
	}
	if near := api.NearestName(name, commandNames()); near != "" {
		fmt.Fprintf(stderr, "buflsp: unknown command %q (did you mean %q?)\n", name, near)
	} else {
		fmt.Fprintf(stderr, "buflsp: unknown command %q (expected one of: %s)\n", name, strings.Join(commandNames(), ", "))
	}
	fmt.Fprintln(stderr, "Run 'buflsp help' for an overview.")
	return 2
}

func commandNames() []string {
	var names []string
	for _, c := range commands() {
		names = append(names, c.name)
	}
	return names
}

func usage(w io.Writer) {
	fmt.Fprint(w, `buflsp: a toolkit for Lua code that works with binary buffers
(LuaJIT's string.buffer and Luau's buffer library).

Usage:
  buflsp <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'buflsp <command> --help' for the flags and examples of one command.
`)
}
