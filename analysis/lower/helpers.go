package lower

import (
	"context"
	"math/big"
	"strconv"
	"strings"

	"github.com/yuin/gopher-lua/ast"

	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// A helper is a small Lua function that a lowered construct calls. The chunk
// defines the helpers it uses first, as locals, capturing the standard
// functions they need before any user code can replace them.
type helper int

const (
	helperIter helper = iota
	helperIDiv
	helperToString
	helperCount
)

// helperSet records which helpers the chunk uses.
type helperSet [helperCount]bool

// helperNames are the locals holding the helpers; a parenthesis keeps them
// out of reach of the user's code.
var helperNames = [helperCount]string{"(iter)", "(idiv)", "(tostring)"}

// helperSources are the helpers in Lua, each an expression on one line, so
// that every node of it carries line 1. An error a helper raises itself
// names the caller's line (level 2).
var helperSources = [helperCount]string{
	helperIter: `return (function(type, getmetatable, rawget, next) ` +
		`return function(f, s, c) ` +
		`if type(f) == "table" then ` +
		`local mt = getmetatable(f) ` +
		`if type(mt) == "table" then ` +
		`local it = rawget(mt, "__iter") ` +
		`if it ~= nil then return it(f) end ` +
		`if rawget(mt, "__call") ~= nil then return f, s, c end ` +
		`end ` +
		`return next, f, nil ` +
		`end ` +
		`return f, s, c ` +
		`end end)(type, getmetatable, rawget, next)`,
	helperIDiv: `return (function(type, getmetatable, rawget, floor, tonumber, error) ` +
		`local function meta(v) local mt = getmetatable(v) if type(mt) == "table" then return rawget(mt, "__idiv") end end ` +
		`return function(a, b) ` +
		`if type(a) == "number" and type(b) == "number" then return floor(a / b) end ` +
		`local h = meta(a) if h == nil then h = meta(b) end ` +
		`if h ~= nil then return (h(a, b)) end ` +
		`local x, y = tonumber(a), tonumber(b) ` +
		`if x ~= nil and y ~= nil then return floor(x / y) end ` +
		`local bad = x == nil and a or b ` +
		`error("attempt to perform arithmetic (idiv) on " .. type(bad), 2) ` +
		`end end)(type, getmetatable, rawget, math.floor, tonumber, error)`,
	helperToString: `return tostring`,
}

// helperCall calls helper h with args, marking it used.
func (l *lowerer) helperCall(off int, h helper, args ...ast.Expr) *ast.FuncCallExpr {
	l.helpers[h] = true
	return at(l, off, &ast.FuncCallExpr{Func: at(l, off, &ast.IdentExpr{Value: helperNames[h]}), Args: args})
}

// preamble defines the helpers the chunk uses.
func (l *lowerer) preamble() ([]ast.Stmt, error) {
	var out []ast.Stmt
	for h, used := range l.helpers {
		if !used {
			continue
		}
		f := syntax.Parse("helper", []byte(helperSources[h]), syntax.Options{Target: syntax.TargetLuaJIT})
		stmts, err := File(context.Background(), f)
		if err != nil {
			return nil, err // a bug in helperSources; tests parse each one
		}
		ret := stmts[0].(*ast.ReturnStmt)
		decl := &ast.LocalAssignStmt{Names: []string{helperNames[h]}, Exprs: ret.Exprs}
		decl.SetLine(1)
		out = append(out, decl)
	}
	return out, nil
}

// number returns the value of a numeric literal as text that gopher-lua's
// number reader turns into exactly that value (it reads decimal integers and
// Go floats, "+Inf" included).
func (l *lowerer) number(n *syntax.Number) string {
	v, ok := semantic.NumberValue(n.Raw)
	if !ok {
		v, ok = wideHex(n.Raw)
	}
	if !ok {
		l.fail(n.Start, "the number %s is a LuaJIT FFI literal (64-bit integer or imaginary), which the buflsp runtime does not support", n.Raw)
		return "0"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// wideHex reads a hexadecimal integer wider than 64 bits the way LuaJIT
// does: as the nearest double.
func wideHex(raw string) (float64, bool) {
	s := strings.ToLower(raw)
	if !strings.HasPrefix(s, "0x") {
		return 0, false
	}
	n, ok := new(big.Int).SetString(s[2:], 16)
	if !ok {
		return 0, false
	}
	v, _ := new(big.Float).SetInt(n).Float64()
	return v, true
}
