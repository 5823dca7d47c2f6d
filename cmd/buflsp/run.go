package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/lower"
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/runtime/host"
	"github.com/buflsp/buflsp/runtime/luaustd"
	"github.com/buflsp/buflsp/runtime/sandbox"
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
  --target T        ` + "lua51, lua52, lua53, lua54, luajit, luau or buflsp" + `
  --timeout D       stop the script after D (e.g. 500ms, 10s); default: no limit
  --max-memory SIZE the most memory the script may hold (e.g. 512M, 4G);
                    default: a quarter of the machine's memory (or of
                    its memory cgroup's limit, when smaller). One
                    allocation over it (string.rep, table.concat,
                    table.create, buffer.create, string.buffer reserve) is
                    refused with "not enough memory"; a heap that grows
                    past it stops the script.
  --isolate         run the script in a child process, so that even a
                    failure of the Go runtime itself ends as one line
                    (adds about 3 ms to start-up)
  -h, --help        show this help

Examples:
  buflsp run examples/run/wordfreq.lua README.md
  buflsp run script.lua one two        # arg[1] == "one", arg[2] == "two"
  buflsp run --target luau checksum.lua

Exit codes:
  0  the script finished
  1  the script raised an error, did not compile or hit a limit:
     "file:line: message" (a syntax error "file:line:col: message") and
     a stack traceback are printed to stderr
  2  usage error or the script file cannot be read
`

// runRun is `buflsp run`. The script runs in this process; the runtime
// refuses what would end it with a Go fatal error (runInProcess). With
// --isolate it runs in a child process of this executable instead, watched
// by proc.Supervise, which also turns a failure of the Go runtime itself
// into one line.
func runRun(args []string, stdout, stderr io.Writer) int {
	return runScript(args, false, stdout, stderr)
}

// runRunChild is the hidden subcommand `buflsp __run-child` that
// `run --isolate` starts; it runs the script in this process.
func runRunChild(args []string, stdout, stderr io.Writer) int {
	return runScript(args, true, stdout, stderr)
}

// runAbandonGrace is how long after --timeout, or after the heap passed
// --max-memory, a run that is stuck inside a Go function is given before
// the process ends itself.
const runAbandonGrace = 500 * time.Millisecond

// runScript parses the flags and runs the script; child is true in the
// process `run --isolate` started.
func runScript(args []string, child bool, stdout, stderr io.Writer) (code int) {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	target := fs.String("target", "", "target")
	timeout := fs.Duration("timeout", 0, "time limit")
	maxMemory := fs.String("max-memory", "", "memory limit")
	isolate := fs.Bool("isolate", false, "run in a child process")
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
	limit := defaultRunMemory()
	if *maxMemory != "" {
		n, err := sandbox.ParseSize(*maxMemory)
		if err != nil {
			return usageErr("--max-memory: %v", err)
		}
		limit = n
	}
	if *isolate && !child {
		exe, err := os.Executable()
		if err != nil {
			fmt.Fprintf(stderr, "buflsp run: --isolate: cannot find the buflsp executable: %v\n", err)
			return 2
		}
		return proc.Supervise(append([]string{exe, proc.RunChildCommand}, args...), os.Stdin, stdout, stderr)
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
	g := &runGuard{limit: limit, timeout: *timeout, stderr: stderr}
	ctx, stop := g.start()
	defer stop()
	defer host.TuneGC()()
	// A Go panic outside the VM's own protected call (building the state,
	// compiling) is a bug too; it ends as one line, not a goroutine dump.
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(stderr, "buflsp: %s\n", host.InternalErrorText)
			code = 1
		}
	}()
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
		MaxMemory: limit,
	})
	var se *host.ScriptError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &se):
		fmt.Fprintf(stderr, "buflsp: %s\n", g.explain(ctx, se.Message))
		if se.Traceback != "" {
			fmt.Fprintln(stderr, se.Traceback)
		}
		return 1
	default:
		fmt.Fprintf(stderr, "buflsp run: %v\n", err)
		return 2
	}
}
