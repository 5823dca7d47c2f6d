package rules

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestCatalogMatchesRULES checks that the catalogue lists exactly the rule
// names of RULES.md (plus the driver's own unknown-rule and unknown-target), since those names
// are a contract with users' configs and comments.
func TestCatalogMatchesRULES(t *testing.T) {
	data, err := os.ReadFile("/work/shared/RULES.md")
	if err != nil {
		t.Skipf("RULES.md not available: %v", err)
	}
	want := map[string]bool{UnknownRule: true, UnknownTarget: true}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\|").FindAllStringSubmatch(string(data), -1) {
		want[m[1]] = true
	}
	reg := NewRegistry()
	for name := range want {
		if _, ok := reg.Lookup(name); !ok {
			t.Errorf("RULES.md names %q but the catalogue does not", name)
		}
	}
	for _, name := range reg.Names() {
		if !want[name] {
			t.Errorf("catalogue has %q which RULES.md does not name", name)
		}
	}
}

func TestCatalogEntries(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	seen := map[string]bool{}
	for _, r := range NewRegistry().All() {
		if !kebab.MatchString(r.Name) {
			t.Errorf("%q is not kebab-case", r.Name)
		}
		if seen[r.Name] {
			t.Errorf("%q listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Severity == SeverityOff || r.Summary == "" || !strings.HasSuffix(r.Doc, ".") {
			t.Errorf("%s: needs a default severity, a summary and a doc sentence", r.Name)
		}
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range []string{"off", "hint", "info", "warning", "error"} {
		sev, err := ParseSeverity(s)
		if err != nil || sev.String() != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, sev, err)
		}
	}
	if _, err := ParseSeverity("warn"); err == nil {
		t.Error("ParseSeverity(warn) accepted")
	}
	if !SeverityError.AtLeast(SeverityWarning) || SeverityHint.AtLeast(SeverityInfo) || SeverityOff.AtLeast(SeverityHint) {
		t.Error("AtLeast ordering wrong")
	}
}

func TestNearest(t *testing.T) {
	reg := NewRegistry()
	if got := reg.Nearest("stale-pointr"); got != "stale-pointer" {
		t.Errorf("Nearest = %q", got)
	}
	if got := reg.Nearest("frobnicate"); got != "" {
		t.Errorf("Nearest(frobnicate) = %q, want nothing", got)
	}
}

// TestDocsUpToDate fails when docs/rules.md differs from the catalogue.
func TestDocsUpToDate(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "rules.md")
	got := NewRegistry().Markdown()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analysis/rules -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s is stale; run go test ./analysis/rules -update", path)
	}
}

// TestLuaLS checks that lua-language-server's diagnostic names are told
// apart from ours and from typos of ours.
func TestLuaLS(t *testing.T) {
	for _, name := range []string{"need-check-nil", "undefined-global", "param-type-mismatch", "assign-type-mismatch", "no-unknown", "return-type-mismatch"} {
		if !LuaLS(name) {
			t.Errorf("LuaLS(%q) = false, want true", name)
		}
	}
	reg := NewRegistry()
	for _, name := range append(reg.Names(), "buffer-concatt", "need-check-nill", "") {
		if LuaLS(name) {
			t.Errorf("LuaLS(%q) = true for a name that is not lua-language-server's", name)
		}
	}
}
