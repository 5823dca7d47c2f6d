package main

import (
	"strings"
	"testing"
)

func TestParseAndWrite(t *testing.T) {
	in := "pkg: example/a\n" +
		"BenchmarkBuild/put-2   \t3\t 1200 ns/op\t 52.5 MB/s\t 16 B/op\t 1 allocs/op\n" +
		"BenchmarkBuild/concat-2 1 2400 ns/op 20.1 MB/s\n" +
		"--- some log line\n" +
		"pkg: example/b\n" +
		"BenchmarkParse 7 10 ns/op 3.5 lines/s\n"
	rows, units, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("got %d rows, want 3", len(rows))
	}
	if rows[0].name != "Build/put" || rows[0].metrics["MB/s"] != "52.5" {
		t.Errorf("first row = %+v", rows[0])
	}
	if strings.Join(units, ",") != "ns/op,MB/s,B/op,allocs/op,lines/s" {
		t.Errorf("units = %v", units)
	}
	var b strings.Builder
	write(&b, rows, units)
	out := b.String()
	for _, want := range []string{
		"### example/a", "| Build/concat | 1 | 2400 | 20.1 | – | – |",
		"### example/b", "| benchmark | n | ns/op | lines/s |", "| Parse | 7 | 10 | 3.5 |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
