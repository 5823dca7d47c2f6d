package serial

// The field list of a Go struct as a Lua table sees it, shared by the
// struct encoder and the struct decoder.

import (
	"reflect"
	"slices"
	"strings"
	"unsafe"
)

// structField is one key of the table a struct stands for.
type structField struct {
	name      string
	typ       reflect.Type
	index     []int // path from the outer struct, through embedded structs
	offset    uintptr
	direct    bool // no embedded pointer on the path: the field is at offset
	omitEmpty bool
}

// at returns the address of the field in the struct at p, or nil when an
// embedded pointer on the way is nil. With alloc (for the decoder) such
// pointers are allocated instead.
func (f *structField) at(t reflect.Type, p unsafe.Pointer, alloc bool) unsafe.Pointer {
	if f.direct {
		return unsafe.Add(p, f.offset)
	}
	for i, x := range f.index {
		sf := t.Field(x)
		p = unsafe.Add(p, sf.Offset)
		t = sf.Type
		if i < len(f.index)-1 && t.Kind() == reflect.Pointer {
			pp := (*unsafe.Pointer)(p)
			if *pp == nil {
				if !alloc {
					return nil
				}
				*pp = reflect.New(t.Elem()).UnsafePointer()
			}
			p = *pp
			t = t.Elem()
		}
	}
	return p
}

// structFields lists the keys of struct type t in a fixed order: the
// order of declaration, with the fields of embedded structs in place of
// the embedded field. It follows encoding/json's rules: the tag `lua:"name"`
// renames a field, `lua:"-"` leaves it out, `,omitempty` leaves out zero
// values; unexported fields are left out; an embedded struct without a
// name in its tag contributes its fields, and of several fields with the
// same name the shallowest wins, then the tagged one, and if that does not
// decide, none of them is kept.
func structFields(t reflect.Type) []structField {
	type candidate struct {
		structField
		depth  int
		tagged bool
	}
	var all []candidate
	var walk func(t reflect.Type, index []int, offset uintptr, direct bool, seen []reflect.Type)
	walk = func(t reflect.Type, index []int, offset uintptr, direct bool, seen []reflect.Type) {
		if slices.Contains(seen, t) {
			return // an embedding cycle through pointers
		}
		seen = append(seen, t)
		for i := range t.NumField() {
			sf := t.Field(i)
			tag := sf.Tag.Get("lua")
			if tag == "-" {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			path := append(slices.Clip(index), i)
			ft := sf.Type
			if sf.Anonymous && name == "" {
				et, viaPtr := ft, false // the decoder allocates nil embedded pointers, exported or not
				if et.Kind() == reflect.Pointer {
					et, viaPtr = et.Elem(), true
				}
				if et.Kind() == reflect.Struct {
					walk(et, path, offset+sf.Offset, direct && !viaPtr, seen)
					continue
				}
			}
			if !sf.IsExported() {
				continue
			}
			if name == "" {
				name = sf.Name
			}
			all = append(all, candidate{
				structField: structField{
					name:      name,
					typ:       ft,
					index:     path,
					offset:    offset + sf.Offset,
					direct:    direct,
					omitEmpty: opts == "omitempty" || strings.Contains(","+opts+",", ",omitempty,"),
				},
				depth:  len(path),
				tagged: tag != "" && name != "",
			})
		}
	}
	walk(t, nil, 0, true, nil)

	// Keep one field per name, by the rules above, in declaration order.
	byName := map[string][]int{}
	for i, c := range all {
		byName[c.name] = append(byName[c.name], i)
	}
	keep := make([]bool, len(all))
	for _, idx := range byName {
		minDepth := all[idx[0]].depth
		for _, i := range idx {
			minDepth = min(minDepth, all[i].depth)
		}
		var shallow, tagged []int
		for _, i := range idx {
			if all[i].depth == minDepth {
				shallow = append(shallow, i)
				if all[i].tagged {
					tagged = append(tagged, i)
				}
			}
		}
		switch {
		case len(shallow) == 1:
			keep[shallow[0]] = true
		case len(tagged) == 1:
			keep[tagged[0]] = true
		}
	}
	fields := make([]structField, 0, len(byName))
	for i, c := range all {
		if keep[i] {
			fields = append(fields, c.structField)
		}
	}
	return fields
}
