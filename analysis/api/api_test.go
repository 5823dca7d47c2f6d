package api

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestCounts pins the size of each namespace to the reference: LuaJIT's
// module has 3 functions and 14 methods (4 of them FFI-only), Luau's library
// 28 functions (TestLuauLibraryMatchesOracle asks the real luau), and buflsp
// adds 11 editing methods.
func TestCounts(t *testing.T) {
	tab := New()
	count := map[string]int{}
	for _, f := range tab.All() {
		k := f.Owner.String()
		if f.Extension {
			k = "extension"
		}
		count[k]++
	}
	want := map[string]int{"string.buffer": 3, "string.buffer object": 14, "buffer": 28, "extension": 11}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%s: %d entries, want %d", k, count[k], n)
		}
	}
}

// TestEntriesComplete checks that every entry can serve hover: it has a
// description, an example, and names unique within its owner.
func TestEntriesComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range New().All() {
		k := f.Qualified()
		if seen[k] {
			t.Errorf("%s listed twice", k)
		}
		seen[k] = true
		if f.Doc == "" || f.Example == "" {
			t.Errorf("%s: missing doc or example", k)
		}
		if !strings.HasSuffix(f.Doc, ".") {
			t.Errorf("%s: doc should be a full sentence: %q", k, f.Doc)
		}
		for i, p := range f.Params {
			if p.Name == "" || p.Type == 0 {
				t.Errorf("%s: parameter %d has no name or type", k, i+1)
			}
		}
	}
}

func TestLookupAndNearest(t *testing.T) {
	tab := New()
	tests := []struct {
		owner     Owner
		give      string
		ext       bool
		wantNear  string
		wantExist bool
	}{
		{Method, "put", false, "put", true},
		{Method, "append", false, "", false},
		{Method, "tostrng", false, "tostring", false},
		{Luau, "readu8", false, "readu8", true},
		{Luau, "reaadu8", false, "readu8", false},
		{Luau, "new", false, "", false},
		{Method, "slise", false, "", false},
		{Method, "slise", true, "slice", false},
		{Module, "nwe", false, "new", false},
	}
	for _, tt := range tests {
		_, ok := tab.Lookup(tt.owner, tt.give)
		if ok != tt.wantExist {
			t.Errorf("Lookup(%v, %q) = %v, want %v", tt.owner, tt.give, ok, tt.wantExist)
		}
		if got := tab.Nearest(tt.owner, tt.give, tt.ext); got != tt.wantNear {
			t.Errorf("Nearest(%v, %q, %v) = %q, want %q", tt.owner, tt.give, tt.ext, got, tt.wantNear)
		}
	}
}

func TestArgCounts(t *testing.T) {
	tab := New()
	tests := []struct {
		owner    Owner
		name     string
		min, max int
	}{
		{Luau, "copy", 3, 5},
		{Luau, "writeu8", 3, 3},
		{Method, "put", 0, -1},
		{Method, "get", 0, -1},
		{Module, "new", 0, 2},
		{Method, "reset", 0, 0},
	}
	for _, tt := range tests {
		f, _ := tab.Lookup(tt.owner, tt.name)
		if f.MinArgs() != tt.min || f.MaxArgs() != tt.max {
			t.Errorf("%s: args %d..%d, want %d..%d", f.Qualified(), f.MinArgs(), f.MaxArgs(), tt.min, tt.max)
		}
	}
}

func TestTypeAccepts(t *testing.T) {
	if !TInteger.Accepts(TNumber) || !TNumber.Accepts(TInteger) {
		t.Error("integer and number should accept each other")
	}
	if TInteger.Accepts(TString) || TLBuf.Accepts(TSBuf) {
		t.Error("string offset or string.buffer for a Luau buffer accepted")
	}
	if got := (TString | TNumber).String(); got != "number|string" {
		t.Errorf("String() = %q", got)
	}
}

// TestRenderGolden renders every entry's signature and markdown into one
// golden file, so a change in wording or shape is reviewed as a diff.
func TestRenderGolden(t *testing.T) {
	var b strings.Builder
	for _, f := range New().All() {
		b.WriteString("## " + f.Signature() + "\n\n")
		b.WriteString(f.Markdown())
		b.WriteString("\n")
	}
	testutil.Golden(t, filepath.Join("testdata", "signatures.golden.md"), []byte(b.String()), *update)
}

// TestLuauLibraryMatchesOracle asks the real luau which functions its global
// buffer table holds, and which of them disappear when a fast flag is off:
// the table must list exactly the former, and mark exactly the latter
// Experimental with that flag.
func TestLuauLibraryMatchesOracle(t *testing.T) {
	luau := oracle.RequireLuau(t, "luau")
	script := filepath.Join(t.TempDir(), "members.luau")
	src := "local t = {}\nfor k in buffer do table.insert(t, k) end\ntable.sort(t)\nprint(table.concat(t, \" \"))\n"
	if err := os.WriteFile(script, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	members := func(args ...string) map[string]bool {
		out, err := exec.Command(luau, append(args, script)...).CombinedOutput()
		if err != nil {
			t.Fatalf("luau %v: %v\n%s", args, err, out)
		}
		set := map[string]bool{}
		for _, name := range strings.Fields(string(out)) {
			set[name] = true
		}
		if len(set) < 20 {
			t.Fatalf("luau %v listed only %q", args, out)
		}
		return set
	}
	all := members()
	tab := New()
	ours := map[string]*Func{}
	for _, f := range tab.Members(Luau, true) {
		ours[f.Name] = f
		if !all[f.Name] {
			t.Errorf("analysis/api lists buffer.%s, which the real luau does not have", f.Name)
		}
	}
	for name := range all {
		if ours[name] == nil {
			t.Errorf("the real luau has buffer.%s, which analysis/api does not list", name)
		}
	}
	flags := map[string]bool{}
	for _, f := range ours {
		if f.Experimental != "" {
			flags[f.Experimental] = true
		}
	}
	if len(flags) == 0 {
		t.Fatal("no member is marked experimental; the reference has readinteger/writeinteger behind LuauIntegerLibrary")
	}
	for flag := range flags {
		without := members("--fflags=" + flag + "=false")
		for name, f := range ours {
			gone := all[name] && !without[name]
			if gone != (f.Experimental == flag) {
				t.Errorf("buffer.%s: with %s=false luau still has it: %v; the table marks it experimental under %q",
					name, flag, !gone, f.Experimental)
			}
		}
	}
}
