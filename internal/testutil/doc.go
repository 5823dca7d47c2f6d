// Package testutil holds the few helpers that the data-driven test harnesses
// of buflsp share: comparing output with a golden file, running a reference
// interpreter such as luajit, and running one sub-test per test-data file.
//
// It is a leaf: besides the standard library it imports only
// internal/oracle, so that any package's tests may use it without creating
// an import cycle.
//
// The package defines no command-line flag. A flag can be registered only
// once per test binary, and several harnesses (some outside the packages
// that use this one) already declare their own -update flag; so each test
// file keeps its declaration
//
//	var update = flag.Bool("update", false, "rewrite golden files")
//
// and passes *update to Golden.
package testutil
