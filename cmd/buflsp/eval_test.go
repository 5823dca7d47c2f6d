package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/buflsp/buflsp/internal/testutil"
)

// evalRun runs the eval command and returns its exit code, stdout and stderr.
func evalRun(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	rc := runEval(args, &out, &errb)
	return rc, out.String(), errb.String()
}

func TestEvalExitCodes(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"ok", []string{"-e", "return 1"}, 0},
		{"runtime error", []string{"-e", "error('x')"}, 1},
		{"syntax error", []string{"-e", "return +"}, 1},
		{"timeout", []string{"--timeout", "50ms", "-e", "while true do end"}, 1},
		{"memory", []string{"--max-memory", "1M", "-e", "return buffer.create(2^31)"}, 1},
		{"output", []string{"--max-output", "10", "-e", "print(string.rep('x', 100))"}, 1},
		{"absent io.open", []string{"-e", "io.open('/etc/passwd')"}, 1},
		{"luau target", []string{"--target", "luau", "-e", "local x: number = 1; x += 1; return x"}, 0},
		{"help", []string{"--help"}, 0},
		{"two files", []string{"a.lua", "b.lua"}, 2},
		{"code and file", []string{"-e", "return 1", "a.lua"}, 2},
		{"missing file", []string{filepath.Join(t.TempDir(), "missing.lua")}, 2},
		{"bad size", []string{"--max-memory", "lots", "-e", "return 1"}, 2},
		{"bad target", []string{"--target", "python", "-e", "return 1"}, 2},
		{"bad timeout", []string{"--timeout", "-1s", "-e", "return 1"}, 2},
		{"unknown flag", []string{"--frobnicate"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rc, out, errs := evalRun(tc.args...)
			if rc != tc.want {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", rc, tc.want, out, errs)
			}
		})
	}
}

// TestEvalJSON checks the --json schema: field names and types.
func TestEvalJSON(t *testing.T) {
	for _, tc := range []struct {
		code  string
		ok    bool
		kind  string
		limit string
	}{
		{"print('hi') return 1, 'two', {3}", true, "", ""},
		{"\nerror('boom')", false, "runtime", ""},
		{"return buffer.create(2^31)", false, "limit", "memory"},
	} {
		rc, out, errs := evalRun("--json", "-e", tc.code)
		if (rc == 0) != tc.ok {
			t.Errorf("%q: exit %d (stderr %s)", tc.code, rc, errs)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%q: output is not JSON: %v\n%s", tc.code, err, out)
		}
		if got["ok"] != tc.ok {
			t.Errorf("%q: ok = %v", tc.code, got["ok"])
		}
		if _, isString := got["output"].(string); !isString {
			t.Errorf("%q: output should be a string: %v", tc.code, got["output"])
		}
		if _, isList := got["values"].([]any); !isList {
			t.Errorf("%q: values should be a list: %v", tc.code, got["values"])
		}
		if _, isNum := got["durationNs"].(float64); !isNum {
			t.Errorf("%q: durationNs should be a number: %v", tc.code, got["durationNs"])
		}
		e, hasErr := got["error"].(map[string]any)
		if hasErr == tc.ok {
			t.Errorf("%q: error present = %v", tc.code, hasErr)
		}
		if hasErr {
			if e["kind"] != tc.kind || (tc.limit != "" && e["limit"] != tc.limit) {
				t.Errorf("%q: error = %v", tc.code, e)
			}
			if _, isString := e["message"].(string); !isString {
				t.Errorf("%q: error.message should be a string", tc.code)
			}
		}
	}
	_, out, _ := evalRun("--json", "-e", "print('hi') return 1, 'two', {3}")
	var res struct {
		Output string
		Values []struct {
			Type, Text string
			Length     *int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Output != "hi\n" || len(res.Values) != 3 || res.Values[1].Type != "string" ||
		res.Values[1].Text != `"two"` || res.Values[1].Length == nil || *res.Values[1].Length != 3 ||
		res.Values[2].Text != "{3}" {
		t.Errorf("unexpected result: %+v", res)
	}
}

// TestEvalLuauGolden evaluates testdata/eval/luau/*.luau through the command
// (lowering, then the sandbox) and compares exit code, stdout and stderr
// with the .out golden file.
func TestEvalLuauGolden(t *testing.T) {
	isLuau := func(p string) bool { return strings.HasSuffix(p, ".luau") }
	testutil.CaseTree(t, filepath.Join("..", "..", "testdata", "eval", "luau"), isLuau, func(t *testing.T, file string, _ []byte) {
		rc, out, errs := evalRun(file)
		got := "exit " + strconv.Itoa(rc) + "\n== stdout\n" + out + "== stderr\n" + errs
		testutil.Golden(t, strings.TrimSuffix(file, ".luau")+".out", []byte(got), *update)
	})
}

// TestEvalStdin feeds the code through standard input.
func TestEvalStdin(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = old }()
	go func() {
		w.WriteString("-- target: luau\nlocal s = `{1 + 1}`\nreturn s")
		w.Close()
	}()
	rc, out, errs := evalRun()
	if rc != 0 || out != "=> string: \"2\"\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", rc, out, errs)
	}
}
