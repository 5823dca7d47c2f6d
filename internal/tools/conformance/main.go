// Command conformance compares buflsp's Lua parser with luajit, lua5.1,
// lua5.2, lua5.3 and lua5.4 on every .lua file under the given directories:
// both must agree on whether each file compiles and on the line of its first
// error.
//
// Usage: go run ./internal/tools/conformance [-v] [-oracle EXE] DIR...
//
// The oracle of a file is chosen by -oracle when given (for a project
// written for one Lua version), else by a first-line comment "-- oracle:
// lua5.4" (or lua5.1, lua5.2, lua5.3, luajit), then by a path element lua51,
// lua52, lua53, lua54 or luajit, then luajit. Exit status: 0 when all agree,
// 1 on disagreements, 2 on errors.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/buflsp/buflsp/internal/tools/conformance/conform"
)

func main() {
	verbose := flag.Bool("v", false, "list every file, not only disagreements")
	only := flag.String("oracle", "", "judge every file with this compiler (luajit, lua5.1, lua5.2, lua5.3 or lua5.4)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: conformance [-v] [-oracle EXE] DIR...\n\n"+
			"Compares buflsp's parser with luajit and lua5.1 to lua5.4 on each .lua file (compile only):\n"+
			"both must accept or reject it, and name the same line for the first error.")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	var paths []string
	for _, dir := range flag.Args() {
		files, err := conform.Files(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "conformance:", err)
			os.Exit(2)
		}
		paths = append(paths, files...)
	}
	var results []conform.Result
	var missing []string
	var err error
	if *only != "" {
		o, ok := conform.OracleNamed(*only)
		if !ok {
			var names []string
			for _, o := range conform.Oracles() {
				names = append(names, o.Exe)
			}
			fmt.Fprintf(os.Stderr, "conformance: -oracle %q: expected one of %s\n", *only, strings.Join(names, ", "))
			os.Exit(2)
		}
		results, missing, err = conform.RunAs(paths, o)
	} else {
		results, missing, err = conform.Run(paths)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(2)
	}
	for _, m := range missing {
		fmt.Fprintf(os.Stderr, "conformance: %s is not installed; its files were skipped\n", m)
	}
	var s summary
	for _, r := range results {
		s.add(r)
		if !r.Agree() || *verbose {
			fmt.Printf("%s [%s]: oracle line %d %q, buflsp line %d %q\n", r.Path, r.Oracle, r.Want.Line, r.Want.Msg, r.Got.Line, r.Got.Msg)
		}
	}
	fmt.Println(s)
	if s.bad > 0 {
		os.Exit(1)
	}
}

// summary counts the figures docs/conformance.md reports.
type summary struct {
	files, lines int
	rejected     int // files the oracle rejects
	verdict      int // accept/reject disagreements
	bothReject   int // files both reject
	sameLine     int // ... and name the same line for
	bad          int // all disagreements
}

func (s *summary) add(r conform.Result) {
	s.files++
	if src, err := os.ReadFile(r.Path); err == nil {
		s.lines += bytes.Count(src, []byte("\n"))
		if len(src) > 0 && src[len(src)-1] != '\n' {
			s.lines++
		}
	}
	if !r.Want.OK() {
		s.rejected++
	}
	if r.Want.OK() != r.Got.OK() {
		s.verdict++
	}
	if !r.Want.OK() && !r.Got.OK() {
		s.bothReject++
		if r.Want.Line == r.Got.Line {
			s.sameLine++
		}
	}
	if !r.Agree() {
		s.bad++
	}
}

func (s summary) String() string {
	return fmt.Sprintf("%d files, %d lines (%d rejected by the oracle): %d disagreements; "+
		"%d accept/reject disagreements, first error on the same line in %d of %d files both reject",
		s.files, s.lines, s.rejected, s.bad, s.verdict, s.sameLine, s.bothReject)
}
