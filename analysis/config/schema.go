package config

import (
	"encoding/json"
	"reflect"
	"strconv"

	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// SchemaPath is where the schema is kept in the repository, relative to
// its root; a test keeps it equal to JSONSchema().
const SchemaPath = "docs/buflsp.schema.json"

// JSONSchema returns a JSON schema (draft 2020-12) for .buflsp.toml, built
// from fileShape, so that TOML editors (Taplo, Even Better TOML) complete
// and check the keys: every key with its description, the target names,
// and each rule name with the severities it accepts.
func JSONSchema() []byte {
	root := schemaOf(reflect.TypeOf(fileShape{}), "")
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["$id"] = "https://raw.githubusercontent.com/buflsp/buflsp/main/" + SchemaPath
	root["title"] = ".buflsp.toml"
	root["description"] = "Configuration of buflsp check and the buflsp language server."
	out, err := json.MarshalIndent(root, "", "  ")
	if err != nil {
		panic(err) // only maps, strings and numbers: cannot fail
	}
	return append(out, '\n')
}

// schemaOf describes one Go type of the shape; key is its TOML key, for
// the values that are closed sets (target, the rule table).
func schemaOf(t reflect.Type, key string) map[string]any {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		s := map[string]any{"type": "string"}
		if key == "target" {
			var names []string
			for _, tg := range syntax.Targets() {
				names = append(names, tg.String())
			}
			s["enum"] = names
		}
		return s
	case reflect.Int:
		return map[string]any{"type": "integer"}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem(), "")}
	case reflect.Map:
		// The one table of values is [rules]: its keys are the rule names.
		props := map[string]any{}
		for _, r := range rules.NewRegistry().All() {
			sevs := []string{"off", "hint", "info", "warning", "error"}
			if r.CannotDisable {
				sevs = sevs[1:]
			}
			props[r.Name] = map[string]any{"type": "string", "enum": sevs,
				"description": r.Summary + " (default " + r.Severity.String() + ")"}
		}
		return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	case reflect.Struct:
		props := map[string]any{}
		for i := range t.NumField() {
			f := t.Field(i)
			name := f.Tag.Get("toml")
			s := schemaOf(f.Type, name)
			if d := f.Tag.Get("doc"); d != "" {
				s["description"] = d
			}
			if m := f.Tag.Get("min"); m != "" {
				n, _ := strconv.Atoi(m)
				s["minimum"] = n
			}
			props[name] = s
		}
		return map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	}
	return map[string]any{}
}
