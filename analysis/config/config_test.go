package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/syntax"
)

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
		`1:1: target "lua5.3": expected lua51, lua52, lua53, lua54, luajit, luau or buflsp`,
		`2:1: unknown key "colour"`,
		`5:1: unknown rule "buffer-concatt" in [rules] (did you mean "buffer-concat"?)`,
		`6:1: rule "stale-pointer": unknown severity "warn"`,
		`7:1: rule "syntax-error" cannot be turned off`,
		`9:1: unknown key "extra"`,
		`10:1: unknown key "extra.x"`,
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
