package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/buflsp/buflsp/runtime/host"
)

const runHelp = `Usage: buflsp run [flags] script.lua [args...]

Runs a Lua script on the buflsp runtime (gopher-lua) the way 'luajit script.lua'
does: the global 'arg' holds arg[0] = script and arg[1..] = args, and the main
chunk receives the args as '...'. Besides the standard libraries the script
can use:

  require("string.buffer")   LuaJIT's string buffers, plus buflsp's editing
                             extensions (slice, insert, find, split, ...)
  buffer / require("buffer") Luau's fixed-size buffer library
  bit / require("bit")       LuaJIT's bit operations
  require("buflsp.io")       files read into / written from buffers directly

tostring, print, io.write and string.format format numbers like LuaJIT
(%.14g, "nan", "-0"). Flags must come before the script name; everything after
it goes to the script.

Flags:
  -h, --help   show this help

Examples:
  buflsp run examples/run/wordfreq.lua README.md
  buflsp run script.lua one two        # arg[1] == "one", arg[2] == "two"

Exit codes:
  0  the script finished
  1  the script raised an error: "file:line: message" and a stack traceback
     are printed to stderr
  2  usage error or the script file cannot be read
`

func runRun(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	if code, ok := parseFlags(fs, args, runHelp, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() == 0 {
		io.WriteString(stderr, "buflsp run: missing script name\n\n"+runHelp)
		return 2
	}
	err := host.Run(fs.Arg(0), fs.Args()[1:], host.Options{Stdout: stdout, Stderr: stderr})
	var se *host.ScriptError
	switch {
	case err == nil:
		return 0
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
