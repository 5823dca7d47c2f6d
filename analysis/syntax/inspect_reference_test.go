package syntax

import "reflect"

// inspectReference is the reflective walker Inspect used to be. It stays as
// the reference the type switch is checked against: it follows every
// exported, non-embedded field of every node, so it cannot forget a node
// type or a field.
func inspectReference(n Node, visit func(Node) bool) {
	inspectValue(reflect.ValueOf(n), visit)
}

func inspectValue(v reflect.Value, visit func(Node) bool) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Interface {
			inspectValue(v.Elem(), visit)
			return
		}
		if n, ok := v.Interface().(Node); ok {
			if !visit(n) {
				return
			}
		}
		v = v.Elem()
		if v.Kind() != reflect.Struct {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() && !f.Anonymous {
				inspectValue(v.Field(i), visit)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			inspectValue(v.Index(i), visit)
		}
	}
}
