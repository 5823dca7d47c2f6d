package main

// The README doctest: every ```console block of README.md and docs/*.md is
// a transcript. Lines starting with "$ " are commands, run in-process from
// the repository root exactly as written (buflsp is this command; quotes
// work as in sh, nothing else of the shell does); the lines up to the next
// command are what the command prints on stdout and stderr together. A
// line "..." stands for any number of lines, so a transcript can show the
// start of a long output. A change in behaviour that the docs do not follow
// fails here.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type transcript struct {
	file    string
	line    int // 1-based line of the command
	command string
	want    []string
}

func TestDocTranscripts(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	files = append([]string{filepath.Join(root, "README.md")}, files...)
	var all []transcript
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		all = append(all, parseTranscripts(rel, string(data))...)
	}
	if len(all) < 3 {
		t.Fatalf("found %d transcripts; the README's should be among them", len(all))
	}
	t.Chdir(root)
	for _, tr := range all {
		args, err := shellWords(tr.command)
		if err != nil || len(args) == 0 || args[0] != "buflsp" {
			t.Errorf("%s:%d: %q: a transcript command must be a plain buflsp command (%v)", tr.file, tr.line, tr.command, err)
			continue
		}
		var out bytes.Buffer
		dispatch(args[1:], &out, &out)
		got := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
		if !matchTranscript(tr.want, got) {
			t.Errorf("%s:%d: $ %s\n--- the doc shows ---\n%s\n--- it prints ---\n%s", tr.file, tr.line, tr.command,
				strings.Join(tr.want, "\n"), strings.Join(got, "\n"))
		}
	}
}

// parseTranscripts finds the ```console blocks of a Markdown file.
func parseTranscripts(file, text string) []transcript {
	var out []transcript
	in := false
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case !in && trimmed == "```console":
			in = true
		case in && trimmed == "```":
			in = false
		case in && strings.HasPrefix(line, "$ "):
			out = append(out, transcript{file: file, line: i + 1, command: strings.TrimPrefix(line, "$ ")})
		case in && len(out) > 0:
			out[len(out)-1].want = append(out[len(out)-1].want, line)
		}
	}
	return out
}

// matchTranscript compares line by line; "..." in want matches any run of
// lines (also none).
func matchTranscript(want, got []string) bool {
	if len(want) == 0 {
		return len(got) == 0 || (len(got) == 1 && got[0] == "")
	}
	if want[0] == "..." {
		for k := 0; k <= len(got); k++ {
			if matchTranscript(want[1:], got[k:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && want[0] == got[0] && matchTranscript(want[1:], got[1:])
}

// shellWords splits a command line as sh does for words and quotes: single
// quotes keep everything, double quotes keep everything but \" and \\.
func shellWords(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errUnclosed
			}
			cur.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\\') {
					i++
				}
				cur.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errUnclosed
			}
			inWord = true
		case strings.IndexByte("|&;<>()$`*?", c) >= 0:
			return nil, errShell
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}

type docError string

func (e docError) Error() string { return string(e) }

const (
	errUnclosed docError = "unclosed quote"
	errShell    docError = "pipes, redirections, variables and globs are not supported"
)

func TestMatchTranscript(t *testing.T) {
	got := []string{"a", "b", "c", "d"}
	for _, tt := range []struct {
		want []string
		ok   bool
	}{
		{[]string{"a", "b", "c", "d"}, true},
		{[]string{"a", "...", "d"}, true},
		{[]string{"...", "c", "..."}, true},
		{[]string{"a", "c"}, false},
		{[]string{"a", "...", "x"}, false},
		{[]string{"a", "b", "c"}, false},
	} {
		if matchTranscript(tt.want, got) != tt.ok {
			t.Errorf("matchTranscript(%q) = %v", tt.want, !tt.ok)
		}
	}
	if w, err := shellWords(`buflsp eval -e 'return "a b"' "x \"y\""`); err != nil || len(w) != 5 || w[3] != `return "a b"` || w[4] != `x "y"` {
		t.Errorf("shellWords = %q, %v", w, err)
	}
}
