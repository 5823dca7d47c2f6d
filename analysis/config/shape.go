package config

import (
	"reflect"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
)

// fileShape is what a .buflsp.toml may contain. The toml tags name the
// keys, and the doc tags describe them for the JSON schema (schema.go);
// the schema and the decoder both read this one struct.
type fileShape struct {
	Target        *string           `toml:"target" doc:"The Lua of files that do not name one: it decides the syntax and which buffer library exists (a first line '-- target: lua54' and the .luau extension win; without this key, a LuaLS .luarc.json runtime.version decides, then luajit)."`
	Globals       []string          `toml:"globals" doc:"Global names the code may use without assigning them in the file (defined by the host, such as ngx or love): completion offers them."`
	Ignore        []string          `toml:"ignore" doc:"Gitignore-style patterns, relative to this file, of paths the checker skips, whether found in a directory or named on the command line."`
	MaxFileSizeMb *int              `toml:"maxFileSizeMb" doc:"Largest source file read from disk, in MiB (default 32); bigger files, and anything that is not a regular file, are skipped with a note." min:"1"`
	Rules         map[string]string `toml:"rules" doc:"Severity per rule name: off, hint, info, warning or error."`
	Eval          *evalShape        `toml:"eval" doc:"Limits of an evaluation started from the editor (the language server's buflsp.evaluate)."`
}

// evalShape is the [eval] table.
type evalShape struct {
	TimeoutMs *int `toml:"timeoutMs" doc:"How long an evaluation may run, in milliseconds (default 2000)." min:"1"`
	MemoryMb  *int `toml:"memoryMb" doc:"How much memory an evaluation may allocate, in MiB (default 64)." min:"1"`
}

// decodeShape decodes the file key by key, so that a value of the wrong
// type costs only that key: it becomes a Problem ("globals: expected an
// array of strings, found a string") and the other keys still apply. Keys
// the shape does not have are left for the caller's "unknown key" report.
func decodeShape(md toml.MetaData, raw map[string]toml.Primitive, keys keyFinder, problem func(line, col int, format string, args ...any)) fileShape {
	var shape fileShape
	decodeStruct(md, nil, raw, reflect.ValueOf(&shape).Elem(), keys, problem)
	return shape
}

func decodeStruct(md toml.MetaData, prefix toml.Key, raw map[string]toml.Primitive, v reflect.Value, keys keyFinder, problem func(line, col int, format string, args ...any)) {
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		name := f.Tag.Get("toml")
		prim, ok := raw[name]
		if !ok {
			continue
		}
		key := append(append(toml.Key(nil), prefix...), name)
		fv := v.Field(i)
		ft := f.Type
		if ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct {
			var sub map[string]toml.Primitive
			if !decodeOne(md, key, prim, &sub, "a table", keys, problem) {
				continue
			}
			fv.Set(reflect.New(ft.Elem()))
			decodeStruct(md, key, sub, fv.Elem(), keys, problem)
			continue
		}
		if ft.Kind() == reflect.Map {
			// A table of values: each entry on its own, so one bad entry
			// does not drop its neighbours.
			var sub map[string]toml.Primitive
			if !decodeOne(md, key, prim, &sub, "a table", keys, problem) {
				continue
			}
			m := reflect.MakeMap(ft)
			names := make([]string, 0, len(sub))
			for k := range sub {
				names = append(names, k)
			}
			sort.Strings(names)
			for _, k := range names {
				ev := reflect.New(ft.Elem())
				if decodeOne(md, append(append(toml.Key(nil), key...), k), sub[k], ev.Interface(), describeType(ft.Elem()), keys, problem) {
					m.SetMapIndex(reflect.ValueOf(k), ev.Elem())
				}
			}
			fv.Set(m)
			continue
		}
		target := reflect.New(ft)
		if decodeOne(md, key, prim, target.Interface(), describeType(ft), keys, problem) {
			fv.Set(target.Elem())
		}
	}
}

// decodeOne decodes one value into out, reporting a type mismatch at the
// key's position.
func decodeOne(md toml.MetaData, key toml.Key, prim toml.Primitive, out any, want string, keys keyFinder, problem func(line, col int, format string, args ...any)) bool {
	if err := md.PrimitiveDecode(prim, out); err != nil {
		line, col := keys.find(key)
		problem(line, col, "%s: expected %s, found %s (this key is ignored)", key.String(), want, describeTOML(md.Type(key...)))
		return false
	}
	return true
}

// describeType names a Go field type as a TOML value, for messages.
func describeType(t reflect.Type) string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int:
		return "an integer"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "an array of " + strings.TrimPrefix(strings.TrimPrefix(describeType(t.Elem()), "a "), "an ") + "s"
	case reflect.Map, reflect.Struct:
		return "a table"
	}
	return t.String()
}

// describeTOML names a TOML type as the toml package reports it.
func describeTOML(typ string) string {
	switch typ {
	case "":
		return "a value of another type"
	case "Integer":
		return "an integer"
	case "Array":
		return "an array"
	case "Table", "Hash":
		return "a table"
	case "ArrayHash":
		return "an array of tables"
	}
	return "a " + strings.ToLower(typ)
}

// knownKey reports whether k names a key of the shape (at any depth).
func knownKey(k toml.Key) bool {
	t := reflect.TypeOf(fileShape{})
	for i, part := range k {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Map {
			return i == len(k)-1 // an entry of a table of values
		}
		if t.Kind() != reflect.Struct {
			return false
		}
		found := false
		for j := range t.NumField() {
			if t.Field(j).Tag.Get("toml") == part {
				t, found = t.Field(j).Type, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// topKeys lists the top-level keys for "unknown key" messages.
func topKeys() string {
	t := reflect.TypeOf(fileShape{})
	var names []string
	for i := range t.NumField() {
		n := t.Field(i).Tag.Get("toml")
		if k := t.Field(i).Type.Kind(); k == reflect.Map || (k == reflect.Pointer && t.Field(i).Type.Elem().Kind() == reflect.Struct) {
			n = "[" + n + "]"
		}
		names = append(names, n)
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}
