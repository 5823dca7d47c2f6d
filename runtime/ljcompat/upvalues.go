package ljcompat

import (
	"reflect"
	"unsafe"

	lua "github.com/yuin/gopher-lua"
)

// gopher-lua 1.1.2 closes upvalues wrongly around a caught error. Its
// raiseError closes the open upvalues of every frame on the stack, down to
// the main chunk, whenever no error handler is installed, and PCall clears
// that flag on its way out, so from the second error a pcall catches on, a
// local of a function that is not being unwound at all and the closures that
// captured it end up holding separate copies (`local n = 0; local function
// t() pcall(error) n = n + 1 end` left n at 0). With a handler installed
// it closes nothing, not even the upvalues of the frames the error unwinds.
//
// protector calls with an error handler, so the raise closes nothing; the
// handler closes the upvalues of the unwound frames only, those at or above
// the protected function's register, as gopher-lua itself does when a Lua
// function returns; and the flag is restored afterwards. The fields it needs are private;
// gopherLayout finds them by reflection once, and without them (another
// gopher-lua) a protected call is a plain PCall.

// layout is where gopher-lua keeps what protect needs, as byte offsets.
type layout struct {
	ok                                 bool
	hasErrorFunc, uvcache, frame, base uintptr // in LState; base in callFrame
	next, index                        uintptr // in Upvalue
}

var gopherLayout = findLayout()

func findLayout() layout {
	var l layout
	st := reflect.TypeFor[lua.LState]()
	field := func(t reflect.Type, name string, kind reflect.Kind) (uintptr, reflect.Type, bool) {
		f, ok := t.FieldByName(name)
		if !ok || f.Type.Kind() != kind {
			return 0, nil, false
		}
		return f.Offset, f.Type, true
	}
	var ok [6]bool
	var frameType, uvType reflect.Type
	l.hasErrorFunc, _, ok[0] = field(st, "hasErrorFunc", reflect.Bool)
	l.uvcache, uvType, ok[1] = field(st, "uvcache", reflect.Pointer)
	l.frame, frameType, ok[2] = field(st, "currentFrame", reflect.Pointer)
	if !ok[1] || !ok[2] || uvType.Elem() != reflect.TypeFor[lua.Upvalue]() {
		return l
	}
	l.base, _, ok[3] = field(frameType.Elem(), "LocalBase", reflect.Int)
	l.next, _, ok[4] = field(uvType.Elem(), "next", reflect.Pointer)
	l.index, _, ok[5] = field(uvType.Elem(), "index", reflect.Int)
	l.ok = ok == [6]bool{true, true, true, true, true, true}
	return l
}

// protector makes the protected calls of one state (and its coroutines).
// Its error handler is one function made once: the register it closes from
// and the caller's handler are fields, set around each call and restored
// after it, so nested protected calls each see their own.
type protector struct {
	closer  *lua.LFunction
	slot    int            // the register of the function being called
	handler *lua.LFunction // xpcall's handler, nil for pcall
}

func newProtector(L *lua.LState) *protector {
	p := &protector{}
	p.closer = L.NewFunction(p.closeAndHandle)
	return p
}

// closeAndHandle is the error handler: it runs while the failed frames'
// registers still hold their values (PCall clears them before it returns),
// closes their upvalues, then gives the error to the caller's handler.
func (p *protector) closeAndHandle(L *lua.LState) int {
	closeUpvalues(L, gopherLayout, p.slot)
	if p.handler == nil {
		return 1
	}
	L.Push(p.handler)
	L.Push(L.Get(1))
	L.Call(1, 1)
	return 1
}

// call is L.PCall(nargs, MultRet, handler) with the upvalues closed as Lua
// closes them (see above).
func (p *protector) call(L *lua.LState, nargs int, handler *lua.LFunction) error {
	lay := gopherLayout
	ptr := unsafe.Pointer(L)
	if !lay.ok || *(*unsafe.Pointer)(unsafe.Add(ptr, lay.frame)) == nil {
		return L.PCall(nargs, lua.MultRet, handler)
	}
	frame := *(*unsafe.Pointer)(unsafe.Add(ptr, lay.frame))
	slot, prevHandler := p.slot, p.handler
	p.slot = *(*int)(unsafe.Add(frame, lay.base)) + L.GetTop() - nargs - 1
	p.handler = handler
	flag := (*bool)(unsafe.Add(ptr, lay.hasErrorFunc))
	saved := *flag
	err := L.PCall(nargs, lua.MultRet, p.closer)
	*flag = saved
	p.slot, p.handler = slot, prevHandler
	return err
}

// closeUpvalues closes the open upvalues of L at register idx and above
// and drops them from its list (sorted by register), as gopher-lua's own
// closeUpvalues does.
func closeUpvalues(L *lua.LState, lay layout, idx int) {
	next := func(uv *lua.Upvalue) **lua.Upvalue { return (**lua.Upvalue)(unsafe.Add(unsafe.Pointer(uv), lay.next)) }
	index := func(uv *lua.Upvalue) int { return *(*int)(unsafe.Add(unsafe.Pointer(uv), lay.index)) }
	link := (**lua.Upvalue)(unsafe.Add(unsafe.Pointer(L), lay.uvcache))
	for uv := *link; uv != nil; uv = *link {
		if index(uv) >= idx {
			*link = nil
			for ; uv != nil; uv = *next(uv) {
				uv.Close()
			}
			return
		}
		link = next(uv)
	}
}
