package host

import (
	"os"
	"path"
	"strings"

	lua "github.com/yuin/gopher-lua"

	"github.com/buflsp/buflsp/runtime/buffer/luau"
)

// luauRequire is Luau's require by string, as the luau command resolves it:
// "./x" and "../x" relative to the requiring file's folder (the folder's
// parent for an init.luau, which stands for its folder), "@self/x" inside
// the requiring module's own folder. A path names x.luau, x.lua, or a folder
// with init.luau or init.lua. Each file runs once and must return one value,
// which every later require of the same file returns too.
type luauRequire struct {
	c      compiler
	loaded map[string]lua.LValue
}

func (r *luauRequire) require(L *lua.LState) int {
	name := L.CheckString(1)
	fail := func(msg string) {
		luau.Raise(L, "error requiring module \""+name+"\": "+msg)
	}
	from := "."
	if dbg, ok := L.GetStack(1); ok {
		if _, err := L.GetInfo("S", dbg, lua.LNil); err == nil && dbg.What != "G" {
			from = dbg.Source
		}
	}
	dir := path.Dir(from)
	base := path.Base(from)
	isInit := strings.HasPrefix(base, "init.")
	var target string
	switch {
	case strings.HasPrefix(name, "@self/"):
		self := strings.TrimSuffix(from, path.Ext(from))
		if isInit {
			self = dir
		}
		target = path.Join(self, strings.TrimPrefix(name, "@self/"))
	case strings.HasPrefix(name, "./"), strings.HasPrefix(name, "../"):
		if isInit {
			dir = path.Dir(dir)
		}
		target = path.Join(dir, name)
	default:
		fail("require path must start with a valid prefix: ./, ../, or @")
	}
	file := ""
	for _, candidate := range []string{target + ".luau", target + ".lua", target + "/init.luau", target + "/init.lua"} {
		if st, err := os.Stat(candidate); err == nil && !st.IsDir() {
			file = candidate
			break
		}
	}
	if file == "" {
		fail("could not resolve child component \"" + path.Base(target) + "\"")
	}
	if v, ok := r.loaded[file]; ok {
		L.Push(v)
		return 1
	}
	src, err := os.ReadFile(file)
	if err != nil {
		fail(err.Error())
	}
	chunk := file
	if !path.IsAbs(chunk) && !strings.HasPrefix(chunk, "../") {
		chunk = "./" + chunk
	}
	fn, err := Compile(L, r.c.fe, src, chunk)
	if err != nil {
		L.RaiseError("%s", errorText(err))
	}
	top := L.GetTop()
	L.Push(fn)
	L.Call(0, lua.MultRet)
	if L.GetTop()-top != 1 {
		fail("module must return a single value")
	}
	v := L.Get(-1)
	r.loaded[file] = v
	return 1
}
