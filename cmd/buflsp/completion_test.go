package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBashCompletion loads the generated script into a real bash and asks
// it to complete partial command lines the way bash-completion does.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash is not installed")
	}
	var script bytes.Buffer
	if code := runCompletion([]string{"bash"}, &script, os.Stderr); code != 0 {
		t.Fatalf("completion bash exited %d", code)
	}
	file := filepath.Join(t.TempDir(), "buflsp.bash")
	if err := os.WriteFile(file, script.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line string // the words typed; the last one is being completed
		want []string
		not  []string
	}{
		{"buflsp ch", []string{"check"}, []string{"completion"}},
		{"buflsp check --fo", []string{"--format"}, nil},
		{"buflsp check --format s", []string{"sarif"}, []string{"text"}},
		{"buflsp check --rule stale-p", []string{"stale-pointer"}, nil},
		{"buflsp check --target lua5", []string{"lua51", "lua54"}, []string{"luau"}},
		{"buflsp check --col", []string{"--color"}, nil},
		{"buflsp check --color n", []string{"never"}, nil},
		{"buflsp rules view-", []string{"view-alias"}, nil},
		{"buflsp completion f", []string{"fish"}, nil},
		{"buflsp serve --log-l", []string{"--log-level"}, nil},
		{"buflsp eval --ti", []string{"--timeout"}, nil},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.line)
		var quoted []string
		for _, w := range words {
			quoted = append(quoted, shellQuote(w))
		}
		prog := "source " + shellQuote(file) + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\n" +
			"COMP_CWORD=" + strconv.Itoa(len(words)-1) + "\n_buflsp\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
		out, err := exec.Command(bash, "--norc", "--noprofile", "-c", prog).CombinedOutput()
		if err != nil {
			t.Fatalf("%q: bash: %v\n%s", tt.line, err, out)
		}
		got := strings.Fields(string(out))
		for _, w := range tt.want {
			if !contains(got, w) {
				t.Errorf("%q: completions %v lack %q", tt.line, got, w)
			}
		}
		for _, w := range tt.not {
			if contains(got, w) {
				t.Errorf("%q: completions %v include %q", tt.line, got, w)
			}
		}
	}
}

// TestCompletionScriptsOfferEveryFlag checks that each script names every
// flag the commands' help texts list, and that bash accepts its syntax.
func TestCompletionScriptsOfferEveryFlag(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		var out bytes.Buffer
		if code := runCompletion([]string{shell}, &out, os.Stderr); code != 0 {
			t.Fatalf("completion %s exited %d", shell, code)
		}
		for _, c := range commands() {
			flags := helpFlags(c.help)
			if c.name == "check" && len(flags) < 10 {
				t.Errorf("found only %d flags in check --help", len(flags))
			}
			for _, f := range flags {
				want := "--" + f.long
				if shell == "fish" {
					want = "-l " + f.long
				}
				if f.long != "" && !strings.Contains(out.String(), want) {
					t.Errorf("%s script lacks %s --%s", shell, c.name, f.long)
				}
			}
		}
	}
	var out, errb bytes.Buffer
	if code := runCompletion([]string{"tcsh"}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "bash, zsh or fish") {
		t.Errorf("completion tcsh = %d, %q", code, errb.String())
	}
}
