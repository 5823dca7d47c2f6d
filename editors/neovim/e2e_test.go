// Package neovim holds the end-to-end test of the Neovim plugin: it builds
// buflsp, starts a real headless Neovim with the plugin's own setup code, and
// checks what the editor received.
package neovim

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/buflsp/buflsp/internal/oracle"
)

const sample = `local M = require("string.buffer")
local sbuf = M.new()
---@diagnostic disable-next-line: no-such-rule
sbuf:put("x")
sbuf:`

type e2eResult struct {
	Steps       []string `json:"steps"`
	ExitCode    int      `json:"exit_code"`
	Reason      string   `json:"reason"`
	Error       string   `json:"error"`
	Diagnostics []struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Lnum    int    `json:"lnum"`
	} `json:"diagnostics"`
	Hover          string   `json:"hover"`
	Completion     []string `json:"completion"`
	Actions        []string `json:"actions"`
	Text           []string `json:"text"`
	WarningCleared bool     `json:"warning_cleared"`
	Restarted      bool     `json:"restarted"`
	EvalVirt       []struct {
		Line int    `json:"line"`
		Text string `json:"text"`
	} `json:"eval_virt"`
	EvalScratch        []string       `json:"eval_scratch"`
	ServerCapabilities map[string]any `json:"server_capabilities"`
	LuauFiletype       string         `json:"luau_filetype"`
	LuauDiagnostics    []struct {
		Code string `json:"code"`
		Lnum int    `json:"lnum"`
	} `json:"luau_diagnostics"`
}

// luauSample writes past the end of a 12-byte Luau buffer on line 2.
const luauSample = `local b = buffer.create(12)
buffer.writeu32(b, 10, 1)
return b
`

func TestNeovimEndToEnd(t *testing.T) {
	nvim := oracle.Require(t, "nvim")
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "buflsp")
	build := exec.Command("go", "build", "-o", bin, "github.com/buflsp/buflsp/cmd/buflsp")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building buflsp: %v\n%s", err, out)
	}
	plugin, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	// Alone, and as lua_ls's companion (setup{companion = true}): the
	// editing flow is the same, only the announced capabilities differ.
	for _, companion := range []bool{false, true} {
		name := "alone"
		if companion {
			name = "companion"
		}
		t.Run(name, func(t *testing.T) {
			tmp := t.TempDir()
			ws := filepath.Join(tmp, "ws")
			if err := os.MkdirAll(ws, 0o755); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(ws, "sample.lua")
			if err := os.WriteFile(file, []byte(sample), 0o644); err != nil {
				t.Fatal(err)
			}
			luauFile := filepath.Join(ws, "header.luau")
			if err := os.WriteFile(luauFile, []byte(luauSample), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(tmp, "out.json")
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, nvim, "--headless", "--noplugin", "-n", "-i", "NONE", "-u", filepath.Join(plugin, "test", "e2e.lua"), file)
			cmd.Env = append(os.Environ(),
				"BUFLSP_PLUGIN="+plugin, "BUFLSP_CMD="+bin, "E2E_OUT="+out, "E2E_TIMEOUT_MS=30000", "E2E_LUAU="+luauFile, "E2E_COMPANION="+strconv.FormatBool(companion),
				"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"), "XDG_DATA_HOME="+filepath.Join(tmp, "data"),
				"XDG_STATE_HOME="+filepath.Join(tmp, "state"), "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
			)
			cmd.Dir = ws
			output, runErr := cmd.CombinedOutput()
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("no result file (nvim: %v)\n%s", runErr, output)
			}
			var res e2eResult
			if err := json.Unmarshal(data, &res); err != nil {
				t.Fatalf("decoding %s: %v", data, err)
			}
			if runErr != nil || res.ExitCode != 0 {
				lspLog, _ := os.ReadFile(filepath.Join(tmp, "cache", "nvim", "lsp.log"))
				t.Fatalf("nvim exit %v, harness %d (%s %s) after steps %v\n%s\nlsp.log tail:\n%s", runErr, res.ExitCode, res.Reason, res.Error, res.Steps, output, tail(string(lspLog), 3000))
			}

			codes := map[string]bool{}
			for _, d := range res.Diagnostics {
				codes[d.Code] = true
			}
			if !codes["unknown-rule"] || !codes["syntax-error"] {
				t.Errorf("diagnostics %+v: want unknown-rule and syntax-error", res.Diagnostics)
			}
			if !strings.Contains(res.Hover, "sbuf:put(") {
				t.Errorf("hover = %q, want the put signature", res.Hover)
			}
			if !contains(res.Completion, "put") || !contains(res.Completion, "reset") {
				t.Errorf("completion after sbuf: = %v, want the string.buffer methods", res.Completion)
			}
			if len(res.Text) < 3 || strings.TrimSpace(res.Text[2]) != "---@diagnostic disable-next-line: unknown-rule" {
				t.Errorf("text after the code action = %q, want the disable comment inserted above line 3", res.Text)
			}
			if !res.WarningCleared {
				t.Errorf("the unknown-rule warning did not go away after the disabling edit")
			}
			if !res.Restarted {
				t.Errorf(":BuflspRestart did not attach the buffer to a new client (steps %v)", res.Steps)
			}
			inline := ""
			for _, v := range res.EvalVirt {
				if v.Line == 2 {
					inline = v.Text
				}
			}
			if !strings.Contains(inline, "5") {
				t.Errorf(":BuflspEvaluate virtual text on the --= line = %q (all: %+v), want the value 5", inline, res.EvalVirt)
			}
			if !contains(res.EvalScratch, "hello") {
				t.Errorf(":BuflspEvaluate scratch window = %q, want the printed line hello", res.EvalScratch)
			}
			if res.LuauFiletype != "luau" {
				t.Errorf("filetype of header.luau = %q, want luau (set by the plugin, also on 0.7)", res.LuauFiletype)
			}
			outOfBounds := false
			for _, d := range res.LuauDiagnostics {
				outOfBounds = outOfBounds || (d.Code == "out-of-bounds" && d.Lnum == 1)
			}
			if !outOfBounds {
				t.Errorf("diagnostics of header.luau = %+v, want out-of-bounds on line 2 (the file analysed as Luau)", res.LuauDiagnostics)
			}

			for _, capName := range []string{"renameProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider", "semanticTokensProvider"} {
				if _, ok := res.ServerCapabilities[capName]; ok == companion {
					t.Errorf("companion=%v: %s announced=%v", companion, capName, ok)
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
