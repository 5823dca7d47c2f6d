// Command conformance compares buflsp's Lua parser with luajit, lua5.1 and
// lua5.4 on every .lua file under the given directories: both must agree on
// whether each file compiles and on the line of its first error.
//
// Usage: go run ./internal/tools/conformance [-v] DIR...
//
// The oracle of a file is chosen by a first-line comment "-- oracle:
// lua5.4" (or lua5.1, luajit), then by a path element lua54 or lua51, then
// luajit. Exit status: 0 when all agree, 1 on disagreements, 2 on errors.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/buflsp/buflsp/internal/tools/conformance/conform"
)

func main() {
	verbose := flag.Bool("v", false, "list every file, not only disagreements")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: conformance [-v] DIR...\n\nCompares buflsp's parser with luajit/lua5.1/lua5.4 on each .lua file (compile only).")
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
	results, missing, err := conform.Run(paths)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		os.Exit(2)
	}
	for _, m := range missing {
		fmt.Fprintf(os.Stderr, "conformance: %s is not installed; its files were skipped\n", m)
	}
	bad, failing := 0, 0
	for _, r := range results {
		if !r.Want.OK() {
			failing++
		}
		if !r.Agree() || *verbose {
			fmt.Printf("%s [%s]: oracle line %d %q, buflsp line %d %q\n", r.Path, r.Oracle, r.Want.Line, r.Want.Msg, r.Got.Line, r.Got.Msg)
		}
		if !r.Agree() {
			bad++
		}
	}
	fmt.Printf("%d files (%d rejected by the oracle), %d disagreements\n", len(results), failing, bad)
	if bad > 0 {
		os.Exit(1)
	}
}
