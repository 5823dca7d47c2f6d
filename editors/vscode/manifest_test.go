// Package vscode holds the checks that keep the VS Code extension's manifest
// (package.json) in step with the Go side: the rule names its settings offer
// come from the rule catalogue, and the targets from the parser's list.
package vscode

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"testing"

	"github.com/buflsp/buflsp/analysis/rules"
)

type manifest struct {
	Contributes struct {
		Configuration struct {
			Properties map[string]struct {
				Properties           map[string]ruleSetting `json:"properties"`
				AdditionalProperties json.RawMessage        `json:"additionalProperties"`
			} `json:"properties"`
		} `json:"configuration"`
	} `json:"contributes"`
}

type ruleSetting struct {
	Type                string   `json:"type"`
	Enum                []string `json:"enum"`
	MarkdownDescription string   `json:"markdownDescription"`
}

// TestRuleSettingsMatchCatalogue: "buflsp.rules" lists every rule of the
// catalogue (so the Settings editor and settings.json completion offer the
// names) and nothing else, each with the severities it accepts and its
// summary and default severity as the description.
func TestRuleSettingsMatchCatalogue(t *testing.T) {
	data, err := os.ReadFile("package.json")
	if err != nil {
		t.Fatal(err)
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	got := m.Contributes.Configuration.Properties["buflsp.rules"]
	if string(got.AdditionalProperties) != "false" {
		t.Errorf("buflsp.rules allows names outside the catalogue: additionalProperties = %s", got.AdditionalProperties)
	}
	reg := rules.NewRegistry()
	var names []string
	for name := range got.Properties {
		names = append(names, name)
	}
	sort.Strings(names)
	if want := reg.Names(); !reflect.DeepEqual(names, want) {
		t.Errorf("buflsp.rules names the rules\n%v\nthe catalogue has\n%v", names, want)
	}
	for _, r := range reg.All() {
		s, ok := got.Properties[r.Name]
		if !ok {
			continue
		}
		sevs := []string{"off", "hint", "info", "warning", "error"}
		if r.CannotDisable {
			sevs = sevs[1:]
		}
		desc := r.Summary + " (default: " + r.Severity.String() + ")"
		if s.Type != "string" || !reflect.DeepEqual(s.Enum, sevs) || s.MarkdownDescription != desc {
			t.Errorf("buflsp.rules.%s = %+v, want type string, enum %v, markdownDescription %q", r.Name, s, sevs, desc)
		}
	}
}
