//go:build linux

package main

// This file is the harness of the evaluation red-team cases,
// testdata/redteam/eval/*.lua: hostile snippets run by the real buflsp
// binary, `buflsp eval --json`, each in the worker process the command
// starts. Markers in the leading comments:
//
//	-- attempt: what the snippet tries (for docs/redteam.md)
//	-- expect: ok | runtime | syntax | limit NAME[|NAME...]   (alternatives with |)
//	-- message: a fragment the error message must hold
//	-- flags: extra eval flags (--timeout, --max-memory, --max-output)
//	-- slow    run only with BUFLSP_REDTEAM_SLOW=1 (make fuzz)
//
// Every case must end within a second of its deadline, with the worker's
// peak resident memory under the cap plus 64 MiB, without a Go trace on
// either stream, and with exit code 0 exactly when the expected outcome is
// ok. TestRedTeamEvalServer sends the fast cases to one `buflsp serve`
// process over its stdio and checks that it answers each and keeps serving.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/buflsp/buflsp/runtime/sandbox"
)

// redTeamCase is one parsed case file.
type redTeamCase struct {
	name, path string
	src        []byte
	attempt    string
	expect     []string // "ok", "runtime", "syntax" or "limit NAME"
	message    string
	flags      []string
	slow       bool
	timeout    time.Duration
	memory     int64
}

func loadRedTeamCases(t *testing.T) []redTeamCase {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "..", "testdata", "redteam", "eval", "*.lua"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no red-team eval cases: %v", err)
	}
	var cases []redTeamCase
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c := redTeamCase{name: strings.TrimSuffix(filepath.Base(p), ".lua"), path: p, src: src,
			timeout: sandbox.DefaultTimeout, memory: sandbox.DefaultMaxMemory}
		for key, val := range caseMarkers(src) {
			switch key {
			case "attempt":
				c.attempt = val
			case "expect":
				kind, names, _ := strings.Cut(val, " ")
				for _, alt := range strings.Split(kind, "|") {
					if alt == "limit" {
						for _, n := range strings.Split(names, "|") {
							c.expect = append(c.expect, "limit "+n)
						}
						continue
					}
					c.expect = append(c.expect, alt)
				}
			case "message":
				c.message = val
			case "flags":
				c.flags = strings.Fields(val)
			case "slow":
				c.slow = true
			}
		}
		for i := 0; i+1 < len(c.flags); i++ {
			switch c.flags[i] {
			case "--timeout":
				c.timeout, err = time.ParseDuration(c.flags[i+1])
			case "--max-memory":
				c.memory, err = sandbox.ParseSize(c.flags[i+1])
			}
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
		}
		if c.attempt == "" || len(c.expect) == 0 {
			t.Fatalf("%s: needs -- attempt: and -- expect: markers", p)
		}
		cases = append(cases, c)
	}
	return cases
}

// caseMarkers yields the "-- key: value" lines that open a case file, in
// order, up to the first line that is not one.
func caseMarkers(src []byte) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, line := range strings.Split(string(src), "\n") {
			rest, ok := strings.CutPrefix(line, "-- ")
			if !ok {
				return
			}
			key, val, _ := strings.Cut(rest, ":")
			if !yield(key, strings.TrimSpace(val)) {
				return
			}
		}
	}
}

// goText matches what only Go prints: a goroutine dump, a Go source
// position, a panic, Go's own error texts.
var goText = regexp.MustCompile(`goroutine \d+|\.go:\d+|panic:|fatal error|runtime\.|invalid argument to Intn|index out of range \[|nil pointer`)

// outcome names how a result ended, in the markers' words.
func outcome(res *sandbox.Result) string {
	switch {
	case res.Err == nil:
		return "ok"
	case res.Err.Kind == sandbox.KindLimit:
		return "limit " + string(res.Err.Limit)
	}
	return string(res.Err.Kind)
}

func TestRedTeamEval(t *testing.T) {
	bin := buildBuflsp(t)
	slow := os.Getenv("BUFLSP_REDTEAM_SLOW") == "1"
	for _, c := range loadRedTeamCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if c.slow && !slow {
				t.Skip("slow case: runs under make fuzz (BUFLSP_REDTEAM_SLOW=1)")
			}
			args := append(append([]string{"eval", "--json"}, c.flags...), c.path)
			cmd := exec.Command(bin, args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			start := time.Now()
			err := cmd.Run()
			took := time.Since(start)
			var res sandbox.Result
			if jerr := json.Unmarshal(stdout.Bytes(), &res); jerr != nil {
				t.Fatalf("no JSON result (%v, %v): stdout %q stderr %q", err, jerr, stdout.String(), stderr.String())
			}
			got := outcome(&res)
			if !slices.Contains(c.expect, got) {
				t.Errorf("ended with %s (%+v), want %s", got, res.Err, strings.Join(c.expect, " or "))
			}
			if c.message != "" && (res.Err == nil || !strings.Contains(res.Err.Message, c.message)) {
				t.Errorf("error %+v does not hold %q", res.Err, c.message)
			}
			if (got == "ok") != (err == nil) {
				t.Errorf("exit status %v for outcome %s", err, got)
			}
			if m := goText.FindString(stdout.String() + stderr.String()); m != "" {
				t.Errorf("Go text %q reached the user:\n%s%s", m, stdout.String(), stderr.String())
			}
			if took > c.timeout+time.Second {
				t.Errorf("took %v, more than a second past the %v deadline", took, c.timeout)
			}
			// The eval process reaps its worker, so its peak resident set
			// counts the worker's (Linux reports the larger of the two).
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				peak := ru.Maxrss << 10
				if peak > c.memory+64<<20 {
					t.Errorf("peak resident memory %d MiB, over the cap %d MiB + 64 MiB", peak>>20, c.memory>>20)
				}
				t.Logf("%s in %v, peak %d MiB", got, took.Round(time.Millisecond), peak>>20)
			}
		})
	}
}

// wireClient speaks the base protocol to a `buflsp serve` process.
type wireClient struct {
	t      *testing.T
	in     io.WriteCloser
	out    *bufio.Reader
	nextID int
}

func (c *wireClient) send(msg map[string]any) {
	c.t.Helper()
	msg["jsonrpc"] = "2.0"
	body, err := json.Marshal(msg)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("the server stopped reading: %v", err)
	}
}

// call sends a request and returns its response, answering the server's own
// requests (inlay hint refresh) on the way.
func (c *wireClient) call(method string, params any) wireMessage {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.send(map[string]any{"id": id, "method": method, "params": params})
	for {
		m := c.read()
		switch {
		case m.Method != "" && m.ID != nil:
			c.send(map[string]any{"id": m.ID, "result": nil})
		case m.Method == "" && string(m.ID) == strconv.Itoa(id):
			return m
		}
	}
}

type wireMessage struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func (c *wireClient) read() wireMessage {
	c.t.Helper()
	n := -1
	for {
		line, err := c.out.ReadString('\n')
		if err != nil {
			c.t.Fatalf("the server closed its output: %v", err)
		}
		line = strings.TrimSpace(line)
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			n, _ = strconv.Atoi(v)
		}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(c.out, body); err != nil {
		c.t.Fatalf("short frame: %v", err)
	}
	var m wireMessage
	if err := json.Unmarshal(body, &m); err != nil {
		c.t.Fatalf("bad frame %q: %v", body, err)
	}
	return m
}

// TestRedTeamEvalServer sends every fast case to one real `buflsp serve` as
// buflsp.evaluate over stdio: each must come back with its expected
// outcome while the server process lives on and answers the next, and the
// session must end with a clean shutdown.
func TestRedTeamEvalServer(t *testing.T) {
	bin := buildBuflsp(t)
	cmd := exec.Command(bin, "serve")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	c := &wireClient{t: t, in: in, out: bufio.NewReader(out)}
	c.call("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{}})
	c.send(map[string]any{"method": "initialized", "params": map[string]any{}})

	evaluate := func(uri, text string) *sandbox.Result {
		c.send(map[string]any{"method": "textDocument/didOpen", "params": map[string]any{
			"textDocument": map[string]any{"uri": uri, "languageId": "lua", "version": 1, "text": text}}})
		m := c.call("workspace/executeCommand", map[string]any{"command": "buflsp.evaluate", "arguments": []any{map[string]any{"uri": uri}}})
		c.send(map[string]any{"method": "textDocument/didClose", "params": map[string]any{"textDocument": map[string]any{"uri": uri}}})
		if m.Error != nil {
			t.Fatalf("%s: the server answered an error: %+v", uri, m.Error)
		}
		var res sandbox.Result
		if err := json.Unmarshal(m.Result, &res); err != nil {
			t.Fatalf("%s: result %s: %v", uri, m.Result, err)
		}
		return &res
	}
	for _, rc := range loadRedTeamCases(t) {
		if rc.slow || len(rc.flags) > 0 {
			continue // the server evaluates with its settings: 2 s, 64 MiB
		}
		t.Run(rc.name, func(t *testing.T) {
			start := time.Now()
			res := evaluate("file:///redteam/"+rc.name+".lua", string(rc.src))
			took := time.Since(start)
			if got := outcome(res); !slices.Contains(rc.expect, got) {
				t.Errorf("ended with %s (%+v), want %s", got, res.Err, strings.Join(rc.expect, " or "))
			}
			if res.Err != nil && goText.MatchString(res.Err.Message) {
				t.Errorf("Go text in the message: %s", res.Err.Message)
			}
			if took > rc.timeout+time.Second {
				t.Errorf("answered after %v, more than a second past the deadline", took)
			}
			// The server still serves: a plain evaluation answers.
			if res := evaluate("file:///redteam/after.lua", "return 40 + 2"); res.Err != nil || len(res.Values) != 1 || res.Values[0].Text != "42" {
				t.Fatalf("after %s the server no longer evaluates: %+v %+v", rc.name, res, res.Err)
			}
		})
	}
	c.call("shutdown", nil)
	c.send(map[string]any{"method": "exit"})
	in.Close()
	if err := cmd.Wait(); err != nil {
		t.Errorf("server exit: %v\n%s", err, logs.String())
	}
}
