package api

// entries returns every function in a fixed order: string.buffer module and
// methods, the buflsp extensions, then the Luau library.
func entries() []Func {
	var all []Func
	all = append(all, sbufEntries()...)
	all = append(all, extensionEntries()...)
	all = append(all, luauEntries()...)
	return all
}
