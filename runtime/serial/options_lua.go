package serial

import (
	"math"

	lua "github.com/yuin/gopher-lua"
)

// Options is a prepared pair of string.buffer options: the string
// dictionary and the metatable dictionary, each as a list for decoding and
// a reverse index for encoding. The Lua tables are read once and never
// modified (LuaJIT writes its reverse index into them; we keep our own).
// A nil *Options means no dictionaries.
type Options struct {
	dict      []lua.LValue  // decoded value per 0-based index; LNil marks an unusable slot
	dictIndex *strDict      // nil without a dict
	mts       []*lua.LTable // nil marks an unusable slot
	mtIndex   map[*lua.LTable]int
}

// NewOptions prepares the dict and metatable options of buffer.new. Either
// table may be nil. Like LuaJIT, it checks the entries 1..n up to the first
// nil: dict entries must be strings or false, metatable entries tables or
// false; anything else is ErrBadOptions. A table that already has keys
// outside that sequence is taken as is without checking: LuaJIT treats such
// a table as already prepared, so its entries serve decoding and its string
// keys are the encoder's reverse index (see preparedIndex).
func NewOptions(L *lua.LState, dict, metatable *lua.LTable) (*Options, error) {
	o := &Options{}
	if dict != nil {
		entries, prepared := arrayEntries(dict)
		o.dict = make([]lua.LValue, len(entries))
		if !prepared {
			o.dictIndex = &strDict{}
		}
		for i, v := range entries {
			switch x := v.(type) {
			case lua.LString:
				o.dict[i] = x
				if !prepared {
					o.dictIndex.add(string(x), i)
				}
			default:
				o.dict[i] = lua.LNil
				if !prepared && v != lua.LFalse {
					return nil, ErrBadOptions
				}
			}
		}
		if prepared {
			o.dictIndex = preparedIndex(dict)
		}
	}
	if metatable != nil {
		entries, prepared := arrayEntries(metatable)
		o.mts = make([]*lua.LTable, len(entries))
		if !prepared {
			o.mtIndex = make(map[*lua.LTable]int, len(entries))
		}
		for i, v := range entries {
			switch x := v.(type) {
			case *lua.LTable:
				o.mts[i] = x
				if o.mtIndex != nil {
					if _, dup := o.mtIndex[x]; !dup {
						o.mtIndex[x] = i
					}
				}
			default:
				if !prepared && v != lua.LFalse {
					return nil, ErrBadOptions
				}
			}
		}
	}
	return o, nil
}

// arrayEntries returns t[1..n] for the largest n with no nil in between,
// and whether t has other keys too (which LuaJIT reads as "already
// prepared").
// preparedIndex is the reverse index LuaJIT's encoder reads from a dict
// table it takes as already prepared: each string key whose value is a
// number maps to the low 32 bits of that number's representation (LuaJIT
// stores indexes as tiny denormals there; other numbers give what their
// bits give, usually 0; booleans give 0xffffffff). A reference value there
// would give part of its address, which buflsp cannot reproduce: such keys
// are written as plain strings.
func preparedIndex(dict *lua.LTable) *strDict {
	idx := &strDict{}
	for k, v := dict.Next(lua.LNil); k != lua.LNil; k, v = dict.Next(k) {
		s, isStr := k.(lua.LString)
		if !isStr {
			continue
		}
		switch x := v.(type) {
		case lua.LNumber:
			idx.add(string(s), int(uint32(math.Float64bits(float64(x)))))
		case lua.LBool:
			// A boolean's low 32 bits are all ones (GC64 tagging).
			idx.add(string(s), 0xffffffff)
		}
	}
	return idx
}

func arrayEntries(t *lua.LTable) (entries []lua.LValue, prepared bool) {
	for i := 1; ; i++ {
		v := t.RawGetInt(i)
		if v == lua.LNil {
			break
		}
		entries = append(entries, v)
	}
	total := 0
	for k, v := t.Next(lua.LNil); k != lua.LNil; k, v = t.Next(k) {
		_ = v
		total++
	}
	return entries, total > len(entries)
}
