package api

// This file describes buflsp's editing extensions on string.buffer objects.
// Offsets follow string.sub: 1 is the first unread byte and negative numbers
// count from the end (-1 is the last byte).

func extensionEntries() []Func {
	data := TString | TNumber | TSBuf
	ext := func(f Func) Func {
		f.Owner = Method
		f.Extension = true
		return f
	}
	return []Func{
		ext(Func{
			Name: "slice",
			Params: []Param{
				{Name: "i", Type: TInteger, Optional: true, Doc: "first byte, default 1"},
				{Name: "j", Type: TInteger, Optional: true, Doc: "last byte, default -1"},
			},
			Results: []Param{{Type: TSBuf}},
			Doc: "Returns a view of bytes i to j: a buffer that shares memory with this one instead of copying. " +
				"Changes made in place through either one are visible in the other; call clone on the view when an " +
				"independent copy is needed.",
			Example: "local header = buf:slice(1, 8)",
		}),
		ext(Func{
			Name:    "clone",
			Results: []Param{{Type: TSBuf}},
			Doc:     "Returns a new buffer holding a copy of the unread data; later changes to either side are not shared.",
			Example: "local copy = buf:slice(1, 8):clone()",
		}),
		ext(Func{
			Name: "insert", Chains: true,
			Params: []Param{
				{Name: "pos", Type: TInteger, Doc: "the new data starts at this offset"},
				{Name: "data", Type: data, Doc: "bytes to insert"},
			},
			Doc:     "Inserts data before offset pos, moving the bytes after it towards the end.",
			Example: "buf:insert(1, \"MAGIC\")",
		}),
		ext(Func{
			Name: "remove", Chains: true,
			Params: []Param{
				{Name: "i", Type: TInteger, Doc: "first byte to remove"},
				{Name: "j", Type: TInteger, Optional: true, Doc: "last byte to remove, default -1"},
			},
			Doc:     "Removes bytes i to j and closes the gap.",
			Example: "buf:remove(1, 4) -- drop a 4-byte prefix",
		}),
		ext(Func{
			Name: "replace", Chains: true,
			Params: []Param{
				{Name: "pos", Type: TInteger, Doc: "where overwriting starts"},
				{Name: "data", Type: data, Doc: "bytes written over the old ones"},
			},
			Doc:     "Overwrites the bytes starting at pos with data, growing the buffer if data runs past the end.",
			Example: "buf:replace(5, string.char(#payload))",
		}),
		ext(Func{
			Name: "fill", Chains: true,
			Params: []Param{
				{Name: "byte", Type: TInteger | TString, Doc: "byte value 0-255 or a one-character string"},
				{Name: "i", Type: TInteger, Optional: true, Doc: "first byte, default 1"},
				{Name: "j", Type: TInteger, Optional: true, Doc: "last byte, default -1"},
			},
			Doc:     "Sets every byte from i to j to the same value, in place.",
			Example: "buf:fill(0) -- zero the whole buffer",
		}),
		ext(Func{
			Name: "find",
			Params: []Param{
				{Name: "needle", Type: TString | TNumber | TSBuf, Doc: "bytes to look for (plain, not a pattern)"},
				{Name: "init", Type: TInteger, Optional: true, Doc: "offset where the search starts, default 1"},
			},
			Results: []Param{{Name: "start", Type: TInteger, Optional: true}, {Name: "stop", Type: TInteger, Optional: true}},
			Doc:     "Searches forward for the needle and returns the offsets of its first and last byte, or nil when it does not occur.",
			Example: "local s, e = buf:find(\"\\r\\n\")",
		}),
		ext(Func{
			Name: "rfind",
			Params: []Param{
				{Name: "needle", Type: TString | TNumber | TSBuf, Doc: "bytes to look for (plain, not a pattern)"},
				{Name: "init", Type: TInteger, Optional: true, Doc: "offset where the backward search starts, default -1"},
			},
			Results: []Param{{Name: "start", Type: TInteger, Optional: true}, {Name: "stop", Type: TInteger, Optional: true}},
			Doc:     "Like find, but returns the last occurrence that starts at or before init.",
			Example: "local dot = buf:rfind(\".\")",
		}),
		ext(Func{
			Name: "split",
			Params: []Param{
				{Name: "sep", Type: TString | TNumber | TSBuf, Doc: "separator (plain bytes, not empty)"},
				{Name: "limit", Type: TInteger, Optional: true, Doc: "maximum number of pieces"},
			},
			Results: []Param{{Type: TTable}},
			Doc:     "Splits the unread data at each separator and returns an array of strings; with a limit the last piece holds the rest.",
			Example: "for _, line in ipairs(buf:split(\"\\n\")) do print(line) end",
		}),
		ext(Func{
			Name: "setlen", Chains: true,
			Params:  []Param{{Name: "n", Type: TInteger, Doc: "new length in bytes"}},
			Doc:     "Truncates the data to n bytes, or extends it with zero bytes up to n.",
			Example: "buf:setlen(0)",
		}),
		ext(Func{
			Name:    "capacity",
			Results: []Param{{Type: TInteger}},
			Doc:     "Returns how many bytes the buffer can hold before it must grow its memory.",
			Example: "print(#buf, buf:capacity())",
		}),
	}
}
