// Command benchtable reads the output of `go test -bench` on standard input and
// prints the results as one Markdown table, grouped by package, so that the
// side-by-side comparisons the benchmarks make (buflsp against luajit, put
// against table.concat, ...) can be read at a glance.
//
// Every metric a benchmark reports is kept, including custom units from
// b.ReportMetric; columns are the union of the units seen, in the order first seen.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	rows, units, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(2)
	}
	if len(rows) == 0 {
		fmt.Fprintln(os.Stderr, "benchtable: no benchmark results on standard input")
		os.Exit(1)
	}
	write(os.Stdout, rows, units)
}

// row is one benchmark result line.
type row struct {
	pkg     string
	name    string
	iters   string
	metrics map[string]string
}

// parse reads `go test -bench` output. Result lines look like
// "BenchmarkX/sub-2   10   123 ns/op   4.5 MB/s   16 B/op   1 allocs/op".
func parse(r io.Reader) ([]row, []string, error) {
	var rows []row
	var units []string
	seen := map[string]bool{}
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "pkg: ") {
			pkg = strings.TrimPrefix(line, "pkg: ")
			continue
		}
		if !strings.HasPrefix(line, "Benchmark") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || len(f)%2 != 0 {
			continue
		}
		rw := row{pkg: pkg, name: trimProcs(f[0]), iters: f[1], metrics: map[string]string{}}
		for i := 2; i+1 < len(f); i += 2 {
			unit := f[i+1]
			rw.metrics[unit] = f[i]
			if !seen[unit] {
				seen[unit] = true
				units = append(units, unit)
			}
		}
		rows = append(rows, rw)
	}
	return rows, units, sc.Err()
}

// trimProcs drops the "-N" GOMAXPROCS suffix that go test appends to names.
func trimProcs(name string) string {
	if i := strings.LastIndexByte(name, '-'); i > 0 {
		if strings.Trim(name[i+1:], "0123456789") == "" {
			name = name[:i]
		}
	}
	return strings.TrimPrefix(name, "Benchmark")
}

func write(w io.Writer, rows []row, units []string) {
	for start := 0; start < len(rows); {
		pkg := rows[start].pkg
		end := start
		for end < len(rows) && rows[end].pkg == pkg {
			end++
		}
		group := rows[start:end]
		cols := unitsUsed(group, units)
		fmt.Fprintf(w, "\n### %s\n\n| benchmark | n | %s |\n|---|---:|%s\n", pkg, strings.Join(cols, " | "), strings.Repeat("---:|", len(cols)))
		for _, r := range group {
			fmt.Fprintf(w, "| %s | %s |", r.name, r.iters)
			for _, u := range cols {
				v := r.metrics[u]
				if v == "" {
					v = "–"
				}
				fmt.Fprintf(w, " %s |", v)
			}
			fmt.Fprintln(w)
		}
		start = end
	}
}

// unitsUsed returns the units that at least one row of the group reports, in
// the order they were first seen, so each package's table has only its own columns.
func unitsUsed(group []row, units []string) []string {
	var cols []string
	for _, u := range units {
		for _, r := range group {
			if r.metrics[u] != "" {
				cols = append(cols, u)
				break
			}
		}
	}
	return cols
}
