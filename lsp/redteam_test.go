package lsp

// This file is the harness of the protocol red-team cases,
// testdata/redteam/protocol/*.case: hostile messages and documents sent to a
// server in-process, one script per file. A case passes when every step
// gets the answer it names and the server still shuts down cleanly at the
// end; a Go stack overflow or fatal error would kill the test binary.
//
// Steps, one a line ("#" starts a comment):
//
//	initialize                    initialize + initialized, must succeed
//	raw SPEC...                   send one frame whose body is SPEC
//	expect-error CODE "RE"        a reply with this error code, message matching RE
//	open NAME SPEC...             didOpen of file NAME with text SPEC
//	shape NAME SHAPE N            didOpen of a testutil hostile shape at size N
//	diagnostics NAME ["RE"]       wait for NAME's diagnostics (one matching RE)
//	hover NAME LINE CHAR          a hover request: any answer but an internal error
//	call METHOD JSON              a request: any answer but an internal error
//
// SPEC is a list of Go-quoted strings, each optionally repeated: "[" "x"*1000.
// Document names in JSON are replaced by their URIs.

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/internal/testutil"
)

func TestRedTeamProtocol(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "redteam", "protocol", "*.case"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".case"), func(t *testing.T) {
			if testing.Short() && strings.Contains(p, "oversized") {
				t.Skip("sends 70 MiB")
			}
			script, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			runRedTeamCase(t, string(script))
		})
	}
}

func runRedTeamCase(t *testing.T, script string) {
	c := startClient(t, Options{NoWorkspaceScan: true})
	uri := func(name string) protocol.DocumentURI { return protocol.DocumentURI("file:///redteam/" + name) }
	var names []string
	shapes := map[string]testutil.Shape{}
	for _, sh := range testutil.HostileShapes() {
		shapes[sh.Name] = sh
	}
	initialized := false
	for ln, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		verb, rest, _ := strings.Cut(line, " ")
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("line %d (%s): "+format, append([]any{ln + 1, line}, args...)...)
		}
		switch verb {
		case "initialize":
			params := map[string]any{"processId": nil, "capabilities": defaultCapabilities()}
			if err := c.call("initialize", params, nil); err != nil {
				fail("%v", err)
			}
			c.notify("initialized", map[string]any{})
			initialized = true
		case "raw":
			c.raw(string(testutil.SpecBytes(t, rest)))
		case "expect-error":
			code, re, ok := strings.Cut(rest, " ")
			want, err := strconv.Atoi(code)
			if !ok || err != nil {
				fail("expected CODE \"RE\"")
			}
			rx := regexp.MustCompile(testutil.Unquote(t, re))
			c.waitFor("error "+code+" "+re, func() bool {
				for i, n := range c.notes {
					if n.Error != nil && n.Error.Code == want && rx.MatchString(n.Error.Message) {
						c.notes = append(c.notes[:i], c.notes[i+1:]...)
						return true
					}
				}
				return false
			})
		case "open", "shape":
			name, spec, _ := strings.Cut(rest, " ")
			var text []byte
			if verb == "open" {
				text = testutil.SpecBytes(t, spec)
			} else {
				f := strings.Fields(spec)
				sh, ok := shapes[f[0]]
				n, err := strconv.Atoi(f[len(f)-1])
				if !ok || err != nil || len(f) != 2 {
					fail("expected NAME SHAPE N with a shape of testutil.HostileShapes")
				}
				text = sh.Gen(n * testutil.RedTeamScale())
			}
			c.open(uri(name), string(text))
			names = append(names, name)
		case "diagnostics":
			name, re, _ := strings.Cut(rest, " ")
			diags := c.diagnosticsFor(uri(name), 1)
			if re != "" {
				rx := regexp.MustCompile(testutil.Unquote(t, re))
				found := false
				for _, d := range diags {
					found = found || rx.MatchString(d.Message)
				}
				if !found {
					fail("no diagnostic matches %s in %v", re, diags)
				}
			}
		case "hover", "call":
			method, params := "textDocument/hover", rest
			if verb == "hover" {
				f := strings.Fields(rest)
				line, _ := strconv.Atoi(f[1])
				char, _ := strconv.Atoi(f[2])
				b, _ := json.Marshal(posParams(uri(f[0]), line, char))
				params = string(b)
			} else {
				method, params, _ = strings.Cut(rest, " ")
				for _, n := range names {
					params = strings.ReplaceAll(params, strconv.Quote(n), strconv.Quote(string(uri(n))))
				}
			}
			var re *rpcError
			if err := c.call(method, json.RawMessage(params), nil); errors.As(err, &re) && re.Code == -32603 {
				fail("internal error: %v", err)
			}
		default:
			fail("unknown step %q", verb)
		}
	}
	if !initialized {
		return
	}
	if code := c.shutdownAndExit(); code != 0 {
		t.Fatalf("exit code %d after shutdown, want 0", code)
	}
}
