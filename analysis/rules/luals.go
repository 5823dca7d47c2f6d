package rules

// LuaLS reports whether name is a diagnostic of lua-language-server. Both
// tools read the same ---@diagnostic comments, and real code is full of
// "---@diagnostic disable-next-line: need-check-nil" and the like: such a
// name is meant for the other tool, not a typo of one of ours, so the driver
// should neither report it as unknown-rule nor treat it as one of our rules.
// The list is lua-language-server's own (script/proto/diagnostic.lua).
func LuaLS(name string) bool {
	switch name {
	case
		"ambiguity-1",
		"assign-type-mismatch",
		"await-in-sync",
		"cast-local-type",
		"cast-type-mismatch",
		"circle-doc-class",
		"close-non-object",
		"code-after-break",
		"codestyle-check",
		"count-down-loop",
		"deprecated",
		"different-requires",
		"discard-returns",
		"doc-field-no-class",
		"duplicate-doc-alias",
		"duplicate-doc-field",
		"duplicate-doc-param",
		"duplicate-index",
		"duplicate-set-field",
		"empty-block",
		"global-element",
		"global-in-nil-env",
		"incomplete-signature-doc",
		"inject-field",
		"invisible",
		"lowercase-global",
		"missing-fields",
		"missing-global-doc",
		"missing-local-export-doc",
		"missing-parameter",
		"missing-return",
		"missing-return-value",
		"name-style-check",
		"need-check-nil",
		"newfield-call",
		"newline-call",
		"no-unknown",
		"not-yieldable",
		"param-type-mismatch",
		"redefined-local",
		"redundant-parameter",
		"redundant-return",
		"redundant-return-value",
		"redundant-value",
		"return-type-mismatch",
		"spell-check",
		"trailing-space",
		"unbalanced-assignments",
		"undefined-doc-class",
		"undefined-doc-name",
		"undefined-doc-param",
		"undefined-env-child",
		"undefined-field",
		"undefined-global",
		"unknown-cast-variable",
		"unknown-diag-code",
		"unknown-operator",
		"unnecessary-assert",
		"unreachable-code",
		"unused-function",
		"unused-label",
		"unused-local",
		"unused-vararg":
		return true
	}
	return false
}
