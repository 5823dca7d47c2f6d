package config

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/syntax"
)

var update = flag.Bool("update", false, "rewrite docs/buflsp.schema.json")

func TestParseValid(t *testing.T) {
	cfg, err := Parse("x/.buflsp.toml", []byte(`
target = "luau"
globals = ["love", "vim"]
ignore = ["vendor/", "*.gen.lua"]

[rules]
buffer-concat = "off"
"stale-pointer" = "error"
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Problems) != 0 {
		t.Fatalf("problems: %v", cfg.Problems)
	}
	if cfg.Target != syntax.TargetLuau || len(cfg.Globals) != 2 || len(cfg.Ignore) != 2 {
		t.Errorf("got %+v", cfg)
	}
	if got := cfg.SeverityOf("buffer-concat", rules.SeverityWarning); got != rules.SeverityOff {
		t.Errorf("buffer-concat = %v", got)
	}
	if got := cfg.SeverityOf("stale-pointer", rules.SeverityWarning); got != rules.SeverityError {
		t.Errorf("stale-pointer = %v", got)
	}
	if got := cfg.SeverityOf("view-alias", rules.SeverityWarning); got != rules.SeverityWarning {
		t.Errorf("unlisted rule = %v, want its default", got)
	}
}

// TestProblems checks that every kind of mistake is reported with the line
// and column of the offending key, all at once.
func TestProblems(t *testing.T) {
	src := `target = "lua5.3"
colour = "red"

[rules]
buffer-concatt = "off"
stale-pointer = "warn"
syntax-error = "off"

[extra]
x = 1
`
	cfg, err := Parse("p.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`1:1: target: unknown target "lua5.3" (did you mean "lua53"?): expected lua51, lua52, lua53, lua54, luajit, luau or buflsp`,
		`2:1: unknown key "colour"`,
		`5:1: unknown rule "buffer-concatt" in [rules] (did you mean "buffer-concat"?)`,
		`6:1: rule "stale-pointer": unknown severity "warn"`,
		`7:1: rule "syntax-error" cannot be turned off`,
		`9:1: unknown key "extra"`, // once: not again for extra.x
	}
	var got []string
	for _, p := range cfg.Problems {
		got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
	}
	if len(got) != len(want) {
		t.Fatalf("got %d problems:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	if cfg.SeverityOf("syntax-error", rules.SeverityError) != rules.SeverityError {
		t.Error("syntax-error was turned off")
	}
}

// TestWrongTypeDropsOnlyThatKey gives values of the wrong type: each is
// reported at its line and ignored, and every other key still applies.
func TestWrongTypeDropsOnlyThatKey(t *testing.T) {
	src := `target = "luau"
globals = "ngx"
ignore = ["vendor/"]

[rules]
buffer-concat = 1
stale-pointer = "error"

[eval]
timeoutMs = "500"
memoryMb = 16
`
	cfg, err := Parse("p.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`2:1: globals: expected an array of strings, found a string (this key is ignored)`,
		`6:1: rules.buffer-concat: expected a string, found an integer (this key is ignored)`,
		`10:1: eval.timeoutMs: expected an integer, found a string (this key is ignored)`,
	}
	var got []string
	for _, p := range cfg.Problems {
		got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if cfg.Target != syntax.TargetLuau || len(cfg.Ignore) != 1 || cfg.Severity["stale-pointer"] != "error" || cfg.EvalMemoryMB != 16 || cfg.EvalTimeoutMS != 0 {
		t.Errorf("the good keys did not all apply: %+v", cfg)
	}
}

func TestParseError(t *testing.T) {
	_, err := Parse("bad.toml", []byte("target = \n"))
	if err == nil || !strings.HasPrefix(err.Error(), "bad.toml:1:") {
		t.Errorf("err = %v, want a positioned TOML error", err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "a", FileName), []byte(""), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != filepath.Join(root, "a", FileName) {
		t.Errorf("Find = %q", got)
	}
	if got := Find(root); got != "" && strings.HasPrefix(got, root) {
		t.Errorf("Find(root) = %q, want none inside root", got)
	}
}

// TestSchemaInSync keeps docs/buflsp.schema.json equal to what JSONSchema
// builds from the config struct and the rule catalogue
// (go test ./analysis/config -update rewrites it), and checks that the
// schema names every key Parse accepts and every rule.
func TestSchemaInSync(t *testing.T) {
	path := filepath.Join("..", "..", filepath.FromSlash(SchemaPath))
	got := JSONSchema()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("%s is stale: run go test ./analysis/config -update", SchemaPath)
	}
	var s struct {
		Properties map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(got, &s); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"target", "globals", "ignore", "rules", "eval"} {
		if _, ok := s.Properties[k]; !ok {
			t.Errorf("schema lacks %q", k)
		}
	}
	for _, name := range rules.NewRegistry().Names() {
		if _, ok := s.Properties["rules"].Properties[name]; !ok {
			t.Errorf("schema lacks rule %q", name)
		}
	}
	if len(s.Properties["eval"].Properties) != 2 {
		t.Errorf("eval properties: %v", s.Properties["eval"].Properties)
	}
}
