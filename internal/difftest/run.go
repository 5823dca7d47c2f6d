package difftest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/buflsp/buflsp/analysis/lower"
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/runtime/host"
	"github.com/buflsp/buflsp/runtime/luaustd"
)

// Outcome is what a run printed and whether it ended with an uncaught
// error. The error text itself is not compared: gopher-lua's tracebacks
// differ from the interpreters' (docs/divergences.md).
type Outcome struct {
	Stdout string
	Failed bool
	Err    string
}

// RunOurs runs the script at path as `buflsp run --target T path` does,
// in this process, stopping it after timeout.
func RunOurs(path string, target syntax.Target, timeout time.Duration) Outcome {
	var out bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	flavor, chunk := host.FlavorLuaJIT, path
	if target == syntax.TargetLuau {
		flavor, chunk = host.FlavorLuau, luaustd.ChunkName(path)
	}
	err := host.Run(path, nil, host.Options{
		ChunkName: chunk,
		Stdout:    &out,
		Stderr:    io.Discard,
		Context:   ctx,
		Flavor:    flavor,
		Frontend:  lower.Frontend(target),
		// The allocation checks of `buflsp run` (its default limit is a
		// quarter of the machine's memory).
		MaxMemory: 4 << 30,
	})
	o := Outcome{Stdout: out.String()}
	if err != nil {
		o.Failed, o.Err = true, err.Error()
	}
	return o
}

// RunOracle runs the interpreter at exe on the script at path.
func RunOracle(exe, path string, timeout time.Duration) (Outcome, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, exe, path)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	o := Outcome{Stdout: stdout.String(), Err: stderr.String()}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return o, ctx.Err()
	case errors.As(err, &exit):
		o.Failed = true
	default:
		return o, err
	}
	return o, nil
}

// WriteTemp writes src to a file named name in dir and returns its path.
func WriteTemp(dir, name string, src []byte) (string, error) {
	path := dir + string(os.PathSeparator) + name
	return path, os.WriteFile(path, src, 0o644)
}

// Diff is one program whose output differs between buflsp and the oracle.
type Diff struct {
	Seed         uint64
	Path         string
	Ours, Oracle Outcome
}

// CompareLuau writes the program for seed into dir, runs it under buflsp
// and under the luau at exe, and returns a Diff when the two print
// different bytes or only one of them fails; nil when they agree.
func CompareLuau(dir, exe string, seed uint64) (*Diff, error) {
	return compareSeed(dir, exe, seed, "seed%d.luau", LuauProgram, syntax.TargetLuau)
}

// CompareLuaJIT is CompareLuau for the string.buffer programs of ljgen.go
// and the luajit at exe.
func CompareLuaJIT(dir, exe string, seed uint64) (*Diff, error) {
	return compareSeed(dir, exe, seed, "seed%d.lua", LuaJITProgram, syntax.TargetLuaJIT)
}

func compareSeed(dir, exe string, seed uint64, name string, program func(uint64) string, target syntax.Target) (*Diff, error) {
	path, err := WriteTemp(dir, fmt.Sprintf(name, seed), []byte(program(seed)))
	if err != nil {
		return nil, err
	}
	const limit = 10 * time.Second
	theirs, err := RunOracle(exe, path, limit)
	if err != nil {
		return nil, fmt.Errorf("seed %d: %s: %w", seed, exe, err)
	}
	ours := RunOurs(path, target, limit)
	if ours.Stdout == theirs.Stdout && ours.Failed == theirs.Failed {
		os.Remove(path)
		return nil, nil
	}
	return &Diff{Seed: seed, Path: path, Ours: ours, Oracle: theirs}, nil
}
