package main

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// frames encodes JSON-RPC bodies in the base protocol.
func frames(bodies ...string) string {
	var b strings.Builder
	for _, body := range bodies {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	return b.String()
}

// splitFrames checks that out is nothing but frames and returns the bodies.
func splitFrames(t *testing.T, out string) []string {
	t.Helper()
	header := regexp.MustCompile(`^Content-Length: (\d+)\r\n\r\n`)
	var bodies []string
	for out != "" {
		m := header.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("stdout holds something that is not a protocol frame: %q", out[:min(len(out), 80)])
		}
		n, _ := strconv.Atoi(m[1])
		out = out[len(m[0]):]
		if len(out) < n {
			t.Fatalf("truncated frame body")
		}
		bodies = append(bodies, out[:n])
		out = out[n:]
	}
	return bodies
}

func TestServeStdio(t *testing.T) {
	tests := []struct {
		name     string
		give     string
		wantCode int
	}{
		{"shutdown then exit", frames(
			`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
			`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
			`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x.lua","languageId":"lua","version":1,"text":"local x = = 1"}}}`,
			`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
			`{"jsonrpc":"2.0","method":"exit"}`), 0},
		{"exit without shutdown", frames(
			`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`,
			`{"jsonrpc":"2.0","method":"exit"}`), 1},
		{"stream ends", frames(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := serve([]string{"--stdio", "--log-level", "debug"}, strings.NewReader(tt.give), &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, tt.wantCode, stderr.String())
			}
			bodies := splitFrames(t, stdout.String())
			if len(bodies) == 0 || !strings.Contains(bodies[0], `"serverInfo":{"name":"buflsp"`) {
				t.Errorf("first reply %v, want the initialize result", bodies)
			}
			if !strings.Contains(stderr.String(), "initialize") {
				t.Errorf("debug log on stderr is missing the initialize entry: %q", stderr.String())
			}
		})
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		give     []string
		wantCode int
		wantErr  string
	}{
		{[]string{"--help"}, 0, "Exit codes:"},
		{[]string{"--log-level", "loud"}, 2, "expected debug, info, warn or error"},
		{[]string{"extra"}, 2, "unexpected argument"},
		{[]string{"--nope"}, 2, "unknown flag --nope"},
		{[]string{"--log-levle", "x"}, 2, "did you mean --log-level?"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		code := serve(tt.give, strings.NewReader(""), &stdout, &stderr)
		if code != tt.wantCode || !strings.Contains(stderr.String(), tt.wantErr) {
			t.Errorf("serve %v = %d, stderr %q; want %d and %q", tt.give, code, stderr.String(), tt.wantCode, tt.wantErr)
		}
		if stdout.Len() != 0 {
			t.Errorf("serve %v wrote to stdout: %q", tt.give, stdout.String())
		}
	}
}
