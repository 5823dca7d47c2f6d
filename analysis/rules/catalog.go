package rules

// Category groups rules the way RULES.md does.
type Category string

const (
	CategoryAPI         Category = "Type checking of API calls"
	CategoryCopies      Category = "Copies and performance"
	CategoryAliasing    Category = "Aliasing and lifetime"
	CategorySyntax      Category = "Syntax"
	CategorySuppression Category = "Suppression and configuration"
)

// Names of the rules that the driver itself reports.
const (
	SyntaxError = "syntax-error"
	// UnknownRule is reported for a name in a ---@diagnostic comment that is
	// not in the catalogue, so that a typo does not silently suppress nothing.
	UnknownRule = "unknown-rule"
	// UnknownTarget is reported for a first-line "-- target: NAME" comment
	// whose NAME is not a target, which would otherwise be ignored silently.
	UnknownTarget = "unknown-target"
)

// Rule is one catalogue entry. Run is nil for rules reported by the driver
// (syntax-error, unknown-rule, unknown-target) and for rules not implemented yet; the
// catalogue still lists them so that configuration and suppression comments
// naming them are valid.
type Rule struct {
	Name     string
	Category Category
	Severity Severity // default severity
	Summary  string   // one line: what is flagged
	Doc      string   // a paragraph: why it matters and what to do instead
	HasFix   bool     // offers a quick fix
	// CannotDisable marks syntax-error: neither config nor comments turn it off.
	CannotDisable bool
	Run           func(*Pass)
}

// catalog lists every rule in RULES.md order. It returns a new slice on every
// call so that no caller can change another's view.
func catalog() []Rule {
	return []Rule{
		{Name: "unknown-member", Category: CategoryAPI, Severity: SeverityError,
			Summary: "a method or function that the buffer kind does not have",
			Doc: "Calling sbuf:append or buffer.new fails at run time because that member does not exist on this " +
				"kind of buffer. The message names the closest existing member. Extension methods such as " +
				"sbuf:slice exist only when the target is buflsp."},
		{Name: "wrong-arg-count", Category: CategoryAPI, Severity: SeverityError,
			Summary: "too few or too many arguments for the signature",
			Doc: "The call passes fewer arguments than the function requires or more than it uses. Missing " +
				"arguments raise an error at run time; extra ones are ignored, which usually hides a mistake."},
		{Name: "wrong-arg-type", Category: CategoryAPI, Severity: SeverityError,
			Summary: "an argument whose inferred type cannot match the parameter",
			Doc: "The argument's type is known and the parameter cannot accept it, for example a string offset, a " +
				"table size, or a number where a string is required."},
		{Name: "kind-mismatch", Category: CategoryAPI, Severity: SeverityError,
			Summary: "a value of one buffer kind used where the other kind is expected",
			Doc: "string.buffer objects and Luau buffers are different types with different APIs: " +
				"buffer.readu8(sbuf, 0) or lbuf:put(x) cannot work. Use the functions of the value's own kind."},
		{Name: "method-call-with-dot", Category: CategoryAPI, Severity: SeverityError, HasFix: true,
			Summary: "a method called with '.' (missing self) or a module function called with ':'",
			Doc: "sbuf.put(x) passes x as the buffer, and M:new() passes the module as the size. The fix swaps the " +
				"'.' and ':'."},
		{Name: "pcall-method-without-self", Category: CategoryAPI, Severity: SeverityError, HasFix: true,
			Summary: "a method passed to pcall without the buffer as its first argument",
			Doc: "pcall(sbuf.encode, obj) calls the method with obj as the buffer. The fix inserts the buffer as " +
				"the first argument after the method."},
		{Name: "out-of-bounds", Category: CategoryAPI, Severity: SeverityError,
			Summary: "a Luau buffer access outside a known constant size, or at a negative constant offset",
			Doc: "The buffer's size is known from buffer.create and the constant offset plus the access width goes " +
				"past its end, or the offset is negative. The access raises 'buffer access out of bounds'. buffer.copy " +
				"is checked on both sides (the count defaults to the rest of the source), readstring, writestring " +
				"and fill by their counts, and the arguments the library refuses outright are reported too: a " +
				"negative size for buffer.create and a bit count outside 0..32."},
		{Name: "one-based-offset", Category: CategoryAPI, Severity: SeverityWarning,
			Summary: "a loop from 1 to the buffer length indexing a Luau buffer",
			Doc: "Luau buffer offsets start at 0, so a loop `for i = 1, buffer.len(b)` skips the first byte and " +
				"reads past the last one. Loop from 0 to buffer.len(b) - 1."},
		{Name: "value-out-of-range", Category: CategoryAPI, Severity: SeverityWarning,
			Summary: "a constant that does not fit the width it is written with",
			Doc: "writeu8(b, 0, 300) stores 44: integer writes keep only the low bits. writei16(b, 0, 32768) keeps " +
				"its bits but reads back as -32768: past a signed width's range, write with the unsigned writer. " +
				"NaN and infinities written to integer types give platform-dependent results. Constants count " +
				"through locals and upvalues; a negative value written unsigned (-1 for all bits set) is not flagged."},
		{Name: "invalid-codec-options", Category: CategoryAPI, Severity: SeverityError,
			Summary: "dict or metatable options that are not arrays of strings or tables without holes",
			Doc: "string.buffer.new rejects such options with 'bad options table', or silently ignores a table that " +
				"already has hash keys."},
		{Name: "encode-unsupported", Category: CategoryAPI, Severity: SeverityError,
			Summary: "encode of a function, coroutine, userdata or a table that refers to itself",
			Doc:     "The serializer cannot represent these values and raises an error at run time."},
		{Name: "get-nil-not-last", Category: CategoryAPI, Severity: SeverityWarning,
			Summary: "sbuf:get(nil, n): nil takes everything, so later lengths always get an empty string",
			Doc:     "A nil length consumes the rest of the buffer; it only makes sense as the last argument."},
		{Name: "codec-error-as-value", Category: CategoryAPI, Severity: SeverityWarning, HasFix: true,
			Summary: "encode or decode treated as if it returned nil and an error message",
			Doc: "string.buffer's encode and decode raise an error on failure and return exactly one value. A second " +
				"result bound from them (local v, err = buffer.decode(s)) is always nil, and encode's result is never " +
				"false, so the error branch never runs and the error escapes to the caller. The fix calls the function " +
				"under pcall and turns a failure into the nil and message the code already handles."},
		{Name: "buffer-operator", Category: CategoryAPI, Severity: SeverityError, HasFix: true,
			Summary: "an operator that Luau buffers do not support: #, .., arithmetic, <, <=, >, >=, or [] indexing",
			Doc: "A Luau buffer has no metatable, so #b, b .. s, b + 1, b < c and b[i] all raise at run time; only == " +
				"and ~= (identity) work. Use buffer.len(b), buffer.tostring(b) and buffer.readu8(b, i) or " +
				"buffer.writeu8(b, i, v) with 0-based offsets. The fix rewrites # to buffer.len and wraps '..' " +
				"operands in buffer.tostring, which give what the code meant where it now raises."},

		{Name: "buffer-concat", Category: CategoryCopies, Severity: SeverityWarning, HasFix: true,
			Summary: "'..' with a buffer operand",
			Doc: "Concatenating a buffer builds a new string each time, copying all its data. Put the pieces into " +
				"a buffer instead. When the concatenation is passed straight to io.write, file:write or sbuf:put, " +
				"the fix passes the pieces as separate arguments, which those calls accept without a copy."},
		{Name: "buffer-tostring", Category: CategoryCopies, Severity: SeverityHint, HasFix: true,
			Summary: "a buffer turned into a string only to be passed where a buffer is accepted, or inside a loop",
			Doc: "io.write, file:write and sbuf:put accept the buffer itself; converting it first copies and interns " +
				"its data for nothing. The fix passes the buffer."},
		{Name: "buffer-put-buffer", Category: CategoryCopies, Severity: SeverityHint,
			Summary: "one buffer put into another inside a loop",
			Doc:     "Putting a buffer copies its data. In a loop, write into one buffer from the start."},
		{Name: "string-concat-in-loop", Category: CategoryCopies, Severity: SeverityWarning,
			Summary: "a string accumulated with s = s .. x inside a loop that scans a string or a stream or walks decoded data",
			Doc: "Each step copies and interns the whole string so far, which is quadratic in the length of the " +
				"input. Reported once per string and loop, for loops that walk a string (per character or byte, per " +
				"gmatch/gsplit/split match, per line), read a file or socket, run an iterator the caller passed " +
				"(for chunk in source), or walk a table decoded or read in the " +
				"function (cjson.decode, serde.decode, the lines of a file, a split of what was read), and for a " +
				"serializer that adds what a recursive call of itself returns. Silent: constant ranges, other loops " +
				"over tables (in real code mostly short lists), a file read one byte at a time (a delimited field), " +
				"a loop left right after the growth, a string reset in the loop (also by a local function it calls), " +
				"a string read on each iteration for something else (mkdir(path) per component), and pieces that are " +
				"all literals. " +
				"Collect the pieces in a string.buffer and call tostring once (LuaJIT and buflsp targets), " +
				"or in a table and call table.concat once (PUC Lua 5.1 to 5.4; on Luau also a buffer when the size " +
				"is known)."},
		{Name: "buffer-new-in-loop", Category: CategoryCopies, Severity: SeverityWarning,
			Summary: "a buffer with serializer options created in a loop or per call",
			Doc: "Preparing dict and metatable options is expensive. Create the buffer once, outside, and reset it " +
				"before each use."},
		{Name: "codec-buffer-reuse", Category: CategoryCopies, Severity: SeverityWarning,
			Summary: "the same buffer used both to encode and to set/decode",
			Doc: "set frees the space the encoder was writing into, so mixing the two on one buffer loses the " +
				"benefit of reuse or corrupts the encoded data. Use separate buffers."},
		{Name: "codec-options-mutated", Category: CategoryCopies, Severity: SeverityWarning,
			Summary: "a dict or metatable table changed after it was passed to new",
			Doc: "The options are prepared once when the buffer is created; later changes desynchronise encoder and " +
				"decoder."},

		{Name: "stale-pointer", Category: CategoryAliasing, Severity: SeverityWarning,
			Summary: "a pointer from ref or reserve used after the buffer changed",
			Doc: "Any change to the buffer (put, get, skip, reset, free, set, commit, encode, decode, ...) may move " +
				"its memory; the old pointer then refers to freed or different data. A change in one branch of an " +
				"if is enough; a pointer taken again on every path that changed the buffer is fine. Take a new pointer."},
		{Name: "commit-without-reserve", Category: CategoryAliasing, Severity: SeverityWarning,
			Summary: "commit with no reserve before it, or more than was reserved",
			Doc:     "commit(n) appends bytes written into space obtained from reserve; without that space it commits garbage or fails."},
		{Name: "ref-without-length", Category: CategoryAliasing, Severity: SeverityWarning,
			Summary: "a pointer from ref used without its length",
			Doc: "Buffer data is not zero-terminated, so ffi.string(ptr) with one argument reads past the end. Pass " +
				"the length that ref returned."},
		{Name: "view-alias", Category: CategoryAliasing, Severity: SeverityWarning, HasFix: true,
			Summary: "a view from slice used after its source (or the source after the view) changed",
			Doc: "A view shares memory with its source, so both see an in-place edit (fill, replace). When the " +
				"source moves or releases the bytes (reset, free, set, insert, remove other than from the front, " +
				"setlen, or an append that grows past the capacity or into space freed by reading) the view goes " +
				"stale and using it raises an error; reading and consuming from the front leave it valid. If an " +
				"independent copy was meant, the fix adds :clone() to the view."},
		{Name: "set-then-write", Category: CategoryAliasing, Severity: SeverityHint,
			Summary: "a buffer filled with set(str) and then written to",
			Doc: "set references the string without copying, but the first write copies the data anyway, so set " +
				"saved nothing. A set in one branch of an if that reaches the write counts. Use put, or only read " +
				"from a buffer after set."},

		{Name: SyntaxError, Category: CategorySyntax, Severity: SeverityError, CannotDisable: true,
			Summary: "source that the selected dialect does not accept",
			Doc: "The parser could not read this part of the file. It is always an error and cannot be turned off, " +
				"because every other rule depends on the tree."},

		{Name: UnknownRule, Category: CategorySuppression, Severity: SeverityWarning,
			Summary: "a ---@diagnostic comment naming a rule that does not exist",
			Doc: "A misspelt name suppresses nothing. The message suggests the closest rule name. Unknown names in " +
				".buflsp.toml are reported as configuration errors instead."},

		{Name: UnknownTarget, Category: CategorySuppression, Severity: SeverityWarning,
			Summary: "a first-line \"-- target:\" comment naming a target that does not exist",
			Doc: "The file is then checked as the configured target would have it (or the .luarc.json one, or luajit), " +
				"which is probably not what the comment meant. The message lists the valid names: lua51, lua52, lua53, " +
				"lua54, luajit, luau and buflsp."},
	}
}
