package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/runtime/sandbox"
	"github.com/buflsp/buflsp/runtime/sandbox/proc"
)

const evalHelp = `Usage: buflsp eval [flags] [FILE | -]
       buflsp eval [flags] -e 'code'

Runs a snippet of Lua or Luau in a sandbox on the buflsp runtime and shows
what it printed and the values it returned. The sandbox has string, table,
math, coroutine, bit, string.buffer (with buflsp's editing extensions) and
Luau's buffer library; it has no file, process or debug access (no io.open,
os.execute, require of files, dofile, debug, or loading of bytecode).
With no FILE and no -e, the code is read from standard input.

The code is read by buflsp's own parser (the one 'buflsp check' uses), so a
syntax error points where 'check' points. Luau code (a .luau file, a first
line "-- target: luau", or --target luau) runs with Luau's syntax and
standard library (typeof, bit32, utf8, table.clone, string.split, ...).

Flags:
  -e CODE            evaluate CODE instead of a file
  --timeout D        wall-clock limit, e.g. 500ms or 5s (default 2s)
  --max-memory N     memory limit, e.g. 16M or 1G (default 64M)
  --max-output N     limit on captured output (default 1M)
  --target T         lua51, lua52, lua53, lua54, luajit, luau or buflsp
                     (default: the file's "-- target:" line or .luau, else luajit)
  --json             print one JSON object (ok, output, values, error,
                     durationNs) instead of text
  --traceback        print the Lua traceback after an error

Examples:
  buflsp eval -e 'local b = require("string.buffer").new() b:put("hi") return b'
  buflsp eval --target luau -e 'local n: number = 2; n += 1; return n'
  echo 'return buffer.create(8)' | buflsp eval --json
  buflsp eval --timeout 100ms script.lua

Exit codes:
  0  the code ran to completion
  1  the code raised an error, did not compile, or exceeded a limit
     (timeout, memory, output, call-stack, registry)
  2  usage error or unreadable file
`

func runEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	code := fs.String("e", "", "code to evaluate")
	timeout := fs.Duration("timeout", sandbox.DefaultTimeout, "wall-clock limit")
	maxMemory := fs.String("max-memory", "64M", "memory limit")
	maxOutput := fs.String("max-output", "1M", "output limit")
	target := fs.String("target", "", "lua51, lua52, lua53, lua54, luajit, luau or buflsp")
	asJSON := fs.Bool("json", false, "JSON output")
	traceback := fs.Bool("traceback", false, "print the traceback after an error")
	if code, ok := parseFlags(fs, args, evalHelp, stdout, stderr); !ok {
		return code
	}
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "buflsp eval: "+format+"\nRun 'buflsp eval --help' for usage.\n", a...)
		return 2
	}
	codeGiven := false
	fs.Visit(func(f *flag.Flag) { codeGiven = codeGiven || f.Name == "e" })
	if fs.NArg() > 1 || (codeGiven && fs.NArg() > 0) {
		return usageErr("give one FILE, or -e CODE, or code on standard input")
	}
	if *timeout <= 0 {
		return usageErr("--timeout must be positive, got %v", *timeout)
	}
	mem, err := sandbox.ParseSize(*maxMemory)
	if err != nil {
		return usageErr("--max-memory: %v", err)
	}
	out, err := sandbox.ParseSize(*maxOutput)
	if err != nil {
		return usageErr("--max-output: %v", err)
	}

	name, src := "eval", []byte(*code)
	if !codeGiven {
		name = "stdin"
		if path := fs.Arg(0); path != "" && path != "-" {
			name = path
			// Only a regular file up to the analyzer's size cap: a FIFO
			// would block and /dev/zero would never end.
			src, err = analysis.ReadSourceFile(path, 0)
		} else {
			src, err = readCapped(os.Stdin, analysis.DefaultMaxFileSize)
		}
		if err != nil {
			return usageErr("%v", err)
		}
	}
	tgt, err := runTarget(*target, name, src)
	if err != nil {
		return usageErr("--target: %v", err)
	}

	spec := proc.Spec{
		ChunkName: filepath.Base(name),
		Timeout:   *timeout,
		MaxMemory: mem,
		MaxOutput: int(min(out, 1<<40)),
		Target:    tgt.String(),
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	pool, err := evalPool(false)
	if err != nil {
		fmt.Fprintf(stderr, "buflsp eval: cannot find the buflsp executable to run the evaluation in: %v\n", err)
		return 2
	}
	defer pool.Close()
	res := pool.Evaluate(ctx, src, spec)
	if *asJSON {
		if err := sandbox.WriteJSON(stdout, res); err != nil {
			fmt.Fprintf(stderr, "buflsp eval: %v\n", err)
			return 2
		}
	} else {
		sandbox.WriteText(stdout, stderr, spec.ChunkName, res, *traceback)
	}
	if !res.OK() {
		return 1
	}
	return 0
}

// readCapped reads r to its end, or fails once it passes limit bytes.
func readCapped(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err == nil && int64(len(data)) > limit {
		err = fmt.Errorf("standard input holds more than %d MiB; evaluate a smaller snippet", limit>>20)
	}
	return data, err
}
