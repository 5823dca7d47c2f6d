package main

import (
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/runtime/host"
)

// runTarget chooses the target of a script for run and eval: --target when
// given, else the file's own "-- target:" first line or .luau extension,
// else LuaJIT. An unknown --target is an error naming the valid ones.
func runTarget(flagValue, name string, src []byte) (syntax.Target, error) {
	if flagValue != "" {
		return syntax.ParseTarget(flagValue)
	}
	return syntax.DetectTarget(name, src, syntax.TargetLuaJIT), nil
}

// flavorOf is the standard library a state for the target gets: Luau's for
// Luau, LuaJIT's (gopher-lua's Lua 5.1 with LuaJIT's additions) otherwise.
func flavorOf(t syntax.Target) host.Flavor {
	if t == syntax.TargetLuau {
		return host.FlavorLuau
	}
	return host.FlavorLuaJIT
}
