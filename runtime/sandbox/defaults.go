package sandbox

// DefaultLibraries returns the modules every evaluation gets unless
// Options.Libraries says otherwise.
func DefaultLibraries() []Library {
	return []Library{}
}
