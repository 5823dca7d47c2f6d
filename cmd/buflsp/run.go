package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/lower"
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/runtime/host"
	"github.com/buflsp/buflsp/runtime/luaustd"
	"github.com/buflsp/buflsp/runtime/sandbox/proc"
)

const runHelp = `Usage: buflsp run [flags] script.lua [args...]

Runs a LuaJIT or Luau script on the buflsp runtime (gopher-lua) the way
'luajit script.lua' or 'luau script.luau' does: the global 'arg' holds
arg[0] = script and arg[1..] = args, and the main chunk receives the args
as '...'.

The script's target decides its syntax and its standard library, as for
'buflsp check': --target, else a first line "-- target: luau", else the
.luau extension, else luajit.

  luajit (and lua51..lua54, buflsp): Lua 5.1's libraries with LuaJIT's
    number formatting, plus
      require("string.buffer")   LuaJIT's string buffers, plus buflsp's
                                 editing extensions (slice, insert, find, ...)
      buffer / require("buffer") Luau's fixed-size buffer library
      bit / require("bit")       LuaJIT's bit operations
      require("buflsp.io")       files read into / written from buffers
  luau: Luau's syntax (types, +=, continue, if-expressions, interpolated
    strings, generalized for) and Luau's library: buffer, bit32, utf8,
    typeof, table.create/find/clone/..., string.split, math.clamp/round/...,
    string.format's %*, numbers printed as Luau prints them.

The script and everything it loads (load, loadstring, dofile, require) is
read by buflsp's own parser, the one 'buflsp check' uses, so a syntax error
is reported at the line and column 'check' reports. Flags must come before
the script name; everything after it goes to the script.

Flags:
  --target T    ` + "lua51, lua52, lua53, lua54, luajit, luau or buflsp" + `
  --timeout D   stop the script after D (e.g. 500ms, 10s); default: no limit
  -h, --help    show this help

Examples:
  buflsp run examples/run/wordfreq.lua README.md
  buflsp run script.lua one two        # arg[1] == "one", arg[2] == "two"
  buflsp run --target luau checksum.lua

Exit codes:
  0  the script finished
  1  the script raised an error or did not compile: "file:line: message"
     (a syntax error "file:line:col: message") and a stack traceback are
     printed to stderr
  2  usage error or the script file cannot be read
`

// runRun runs the script in a child process of this executable, so that
// what Go cannot recover from (running out of memory, a Go stack overflow)
// ends as one line on stderr instead of a goroutine dump; the child
// (runRunChild) parses the flags and does the work (runtime/sandbox/proc).
func runRun(args []string, stdout, stderr io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		return runInProcess(args, stdout, stderr)
	}
	return proc.Supervise(append([]string{exe, proc.RunChildCommand}, args...), os.Stdin, stdout, stderr)
}

// runRunChild is the hidden subcommand `buflsp __run-child` that run
// starts; it is run in this process, watched by proc.Supervise.
func runRunChild(args []string, stdout, stderr io.Writer) int {
	return runInProcess(args, stdout, stderr)
}

// runAbandonGrace is how long after --timeout a run that is stuck inside
// a Go function is given before the process ends itself.
const runAbandonGrace = 500 * time.Millisecond

// runInProcess is `buflsp run` in this process.
func runInProcess(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	target := fs.String("target", "", "target")
	timeout := fs.Duration("timeout", 0, "time limit")
	if code, ok := parseFlags(fs, args, runHelp, stdout, stderr); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "buflsp run: "+format+"\nRun 'buflsp run --help' for the flags.\n", a...)
		return 2
	}
	if fs.NArg() == 0 {
		return usageErr("missing script name")
	}
	if *timeout < 0 {
		return usageErr("--timeout must be positive, got %v", *timeout)
	}
	path := fs.Arg(0)
	// Only a regular file up to the analyzer's size cap: a FIFO would
	// block and /dev/zero would never end.
	src, err := analysis.ReadSourceFile(path, 0)
	if err != nil {
		return usageErr("cannot read script: %v", err)
	}
	tgt, err := runTarget(*target, path, src)
	if err != nil {
		return usageErr("--target: %v", err)
	}
	ctx := context.Background()
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
		// The VM checks the deadline before each instruction; a Go function
		// that does not return (a backtracking string.find) never reaches
		// the next one, so the process ends itself a little later.
		stop := time.AfterFunc(*timeout+runAbandonGrace, func() {
			fmt.Fprintf(stderr, "buflsp: the script ran longer than --timeout %v and was stopped inside a function that did not return\n", *timeout)
			os.Exit(1)
		})
		defer stop.Stop()
	}
	defer host.TuneGC()()
	chunk := path
	if tgt == syntax.TargetLuau {
		chunk = luaustd.ChunkName(path)
	}
	err = host.Run(path, fs.Args()[1:], host.Options{
		ChunkName: chunk,
		Stdout:    stdout,
		Stderr:    stderr,
		Context:   ctx,
		Flavor:    flavorOf(tgt),
		Frontend:  lower.Frontend(tgt),
	})
	var se *host.ScriptError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &se) && errors.Is(ctx.Err(), context.DeadlineExceeded):
		// gopher-lua reports the deadline in Go's words ("context deadline
		// exceeded"); say which limit it was.
		where, _, _ := strings.Cut(se.Message, "context deadline exceeded")
		fmt.Fprintf(stderr, "buflsp: %sthe script ran longer than --timeout %v\n", where, *timeout)
		if se.Traceback != "" {
			fmt.Fprintln(stderr, se.Traceback)
		}
		return 1
	case errors.As(err, &se):
		fmt.Fprintf(stderr, "buflsp: %s\n", se.Message)
		if se.Traceback != "" {
			fmt.Fprintln(stderr, se.Traceback)
		}
		return 1
	default:
		fmt.Fprintf(stderr, "buflsp run: %v\n", err)
		return 2
	}
}
