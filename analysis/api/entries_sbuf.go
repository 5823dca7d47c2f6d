package api

// This file describes LuaJIT's string.buffer: the three module functions and
// the methods of buffer objects.

func sbufEntries() []Func {
	putArg := TString | TNumber | TSBuf | TTable
	return []Func{
		{
			Name: "new", Owner: Module,
			Params: []Param{
				{Name: "size", Type: TInteger | TTable, Optional: true, Doc: "initial capacity in bytes (a hint), or the options table"},
				{Name: "options", Type: TTable, Optional: true, Doc: "serializer options: `dict` (array of strings) and `metatable` (array of tables)"},
			},
			Results: []Param{{Type: TSBuf}},
			Doc: "Creates an empty buffer object. The size only reserves room up front; the buffer starts with no data " +
				"either way. The options table configures encode and decode for this buffer. Preparing options is " +
				"expensive, so create such a buffer once and reset it instead of creating a new one per message.",
			Example: "local buffer = require(\"string.buffer\")\nlocal buf = buffer.new(256)",
		},
		{
			Name: "encode", Owner: Module,
			Params:  []Param{{Name: "obj", Type: TAny, Doc: "the value to serialize"}},
			Results: []Param{{Type: TString}},
			Doc: "Serializes a Lua value (nil, booleans, numbers, strings, tables and FFI numbers) into a string in " +
				"LuaJIT's binary format. Functions, coroutines and userdata cannot be encoded, nor can tables that " +
				"refer to themselves.",
			Example: "local s = buffer.encode({ id = 7, tags = { \"a\", \"b\" } })",
		},
		{
			Name: "decode", Owner: Module,
			Params:  []Param{{Name: "str", Type: TString, Doc: "serialized data"}},
			Results: []Param{{Type: TAny}},
			Doc: "Reads one value back from a string produced by encode. Extra bytes after the value are an error " +
				"here; use a buffer object's decode method to read several values in a row.",
			Example: "local obj = buffer.decode(s)",
		},
		{
			Name: "reset", Owner: Method, Chains: true,
			Doc:     "Empties the buffer but keeps its memory, so the next writes need no allocation.",
			Example: "buf:reset():put(\"header\")",
		},
		{
			Name: "free", Owner: Method, Chains: true,
			Doc:     "Empties the buffer and releases its memory. The buffer can still be used afterwards.",
			Example: "buf:free()",
		},
		{
			Name: "put", Owner: Method, Chains: true,
			Variadic: &Param{Name: "data", Type: putArg, Doc: "strings, numbers, buffers or objects with __tostring"},
			Doc: "Appends each argument at the end of the buffer. Numbers are formatted like tostring, the contents " +
				"of another buffer are copied without consuming them, and other objects go through their " +
				"__tostring metamethod.",
			Example: "buf:put(\"id=\", 42, \"\\n\")",
		},
		{
			Name: "putf", Owner: Method, Chains: true,
			Params:   []Param{{Name: "format", Type: TString, Doc: "a string.format pattern"}},
			Variadic: &Param{Name: "args", Type: TAny},
			Doc:      "Appends the text that string.format would produce for the same arguments, without building an intermediate string.",
			Example:  "buf:putf(\"%s=%d\\n\", name, count)",
		},
		{
			Name: "set", Owner: Method, Chains: true,
			Params: []Param{
				{Name: "str", Type: TString | TCdata, Doc: "the data to read from"},
				{Name: "len", Type: TInteger, Optional: true, Doc: "length when str is an FFI pointer"},
			},
			Doc: "Makes the buffer read from the given string without copying it. The first write after set copies " +
				"the remaining data, so set only saves work when the buffer is then only read (get, skip, decode).",
			Example: "buf:set(packet)\nlocal tag = buf:get(1)",
		},
		{
			Name: "skip", Owner: Method, Chains: true,
			Params:  []Param{{Name: "len", Type: TInteger, Doc: "bytes to drop from the front"}},
			Doc:     "Consumes up to len bytes from the front of the buffer without returning them.",
			Example: "buf:skip(4)",
		},
		{
			Name:            "get",
			Owner:           Method,
			Variadic:        &Param{Name: "len", Type: TInteger | TNil, Doc: "bytes to take; nil takes the rest"},
			Results:         []Param{{Type: TString}},
			VariadicResults: true,
			Doc: "Consumes data from the front of the buffer and returns one string per argument. A number takes up " +
				"to that many bytes and nil takes everything left, so nil only makes sense as the last argument. An " +
				"empty buffer yields empty strings.",
			Example: "local kind, body = buf:get(1, nil)",
		},
		{
			Name: "tostring", Owner: Method,
			Results: []Param{{Type: TString}},
			Doc:     "Returns a copy of the unread data as a string; nothing is consumed. tostring(buf) does the same.",
			Example: "local s = buf:tostring()",
		},
		{
			Name: "encode", Owner: Method, Chains: true,
			Params:  []Param{{Name: "obj", Type: TAny, Doc: "the value to serialize"}},
			Doc:     "Serializes a value and appends the bytes to the buffer, using the buffer's dict and metatable options.",
			Example: "buf:encode({ op = \"ping\" })\nsock:send(buf:tostring())",
		},
		{
			Name: "decode", Owner: Method,
			Results: []Param{{Type: TAny}},
			Doc:     "Reads one serialized value from the front of the buffer and consumes its bytes; later values stay in the buffer.",
			Example: "while #buf > 0 do handle(buf:decode()) end",
		},
		{
			Name: "reserve", Owner: Method, FFI: true,
			Params:  []Param{{Name: "size", Type: TInteger, Doc: "bytes needed"}},
			Results: []Param{{Name: "ptr", Type: TPointer}, {Name: "len", Type: TInteger}},
			Doc: "Makes room for at least size bytes at the end and returns a pointer to the free space and how much " +
				"there is. Write into it, then call commit with the number of bytes used. The pointer is invalid once " +
				"the buffer changes.",
			Example: "local p, n = buf:reserve(64)\nlocal used = C.fill(p, n)\nbuf:commit(used)",
		},
		{
			Name: "commit", Owner: Method, Chains: true, FFI: true,
			Params:  []Param{{Name: "used", Type: TInteger, Doc: "bytes written into the reserved space"}},
			Doc:     "Appends the first used bytes of the space returned by the last reserve. used may not exceed what reserve returned.",
			Example: "buf:commit(used)",
		},
		{
			Name: "ref", Owner: Method, FFI: true,
			Results: []Param{{Name: "ptr", Type: TPointer}, {Name: "len", Type: TInteger}},
			Doc: "Returns a pointer to the unread data and its length, for passing to C without a copy. The data is " +
				"not zero-terminated and the pointer is invalid once the buffer changes.",
			Example: "local p, n = buf:ref()\nC.write(fd, p, n)",
		},
		{
			Name: "putcdata", Owner: Method, Chains: true, FFI: true,
			Params: []Param{
				{Name: "cdata", Type: TCdata | TPointer, Doc: "pointer to the bytes"},
				{Name: "len", Type: TInteger, Doc: "how many bytes to copy"},
			},
			Doc:     "Appends len bytes of raw memory starting at an FFI pointer.",
			Example: "buf:putcdata(hdr, ffi.sizeof(hdr))",
		},
	}
}
