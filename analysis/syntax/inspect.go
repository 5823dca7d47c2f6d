package syntax

import "reflect"

// Inspect calls visit for n and, while visit returns true, for every node
// below it in source order of fields. It uses reflection so that it follows
// every node type, including ones added later; hot paths should use their
// own type switches instead.
func Inspect(n Node, visit func(Node) bool) {
	inspect(reflect.ValueOf(n), visit)
}

func inspect(v reflect.Value, visit func(Node) bool) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Kind() == reflect.Interface {
			inspect(v.Elem(), visit)
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
			if v.Type().Field(i).IsExported() && !v.Type().Field(i).Anonymous {
				inspect(v.Field(i), visit)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			inspect(v.Index(i), visit)
		}
	}
}
