package syntax

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// This file prints a syntax tree as indented text, one node per line with
// its byte range and scalar fields. Golden tests compare these dumps.

// Dump returns an indented text form of n.
func Dump(n Node) string {
	var b strings.Builder
	dump(&b, reflect.ValueOf(n), "", 0)
	return b.String()
}

func dump(b *strings.Builder, v reflect.Value, label string, depth int) {
	indent := strings.Repeat("  ", depth)
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	t := v.Type()
	fmt.Fprintf(b, "%s%s%s", indent, label, t.Name())
	if r, ok := v.Addr().Interface().(Node); ok {
		s, e := r.Span()
		fmt.Fprintf(b, " %d..%d", s, e)
	}
	type child struct {
		name string
		v    reflect.Value
	}
	var children []child
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous || !f.IsExported() {
			continue
		}
		fv := v.Field(i)
		switch fv.Kind() {
		case reflect.String:
			fmt.Fprintf(b, " %s=%s", f.Name, strconv.Quote(fv.String()))
		case reflect.Bool:
			if fv.Bool() {
				fmt.Fprintf(b, " %s", f.Name)
			}
		case reflect.Int:
			fmt.Fprintf(b, " %s=%d", f.Name, fv.Int())
		case reflect.Uint8: // Kind
			fmt.Fprintf(b, " %s=%s", f.Name, Kind(fv.Uint()))
		case reflect.Slice:
			if fv.Len() == 0 {
				continue
			}
			if fv.Type().Elem().Kind() == reflect.String {
				fmt.Fprintf(b, " %s=%q", f.Name, fv.Interface())
				continue
			}
			children = append(children, child{f.Name, fv})
		case reflect.Pointer, reflect.Interface:
			if !fv.IsNil() {
				children = append(children, child{f.Name, fv})
			}
		}
	}
	b.WriteByte('\n')
	for _, c := range children {
		if c.v.Kind() == reflect.Slice {
			fmt.Fprintf(b, "%s  %s:\n", indent, c.name)
			for j := 0; j < c.v.Len(); j++ {
				el := c.v.Index(j)
				if (el.Kind() == reflect.Interface || el.Kind() == reflect.Pointer) && el.IsNil() {
					fmt.Fprintf(b, "%s    <nil>\n", indent)
					continue
				}
				dump(b, el, "", depth+2)
			}
			continue
		}
		dump(b, c.v, c.name+": ", depth+1)
	}
}
