package main

// This file is the harness of the red-team cases of `buflsp check` against a
// hostile file system and of --fix: testdata/redteam/{analyzer,fs,fix}/*.case.
// Each case builds a directory tree in a temporary directory, runs check
// in-process with a deadline (20 s times BUFLSP_REDTEAM_SCALE; a hang fails
// the case instead of the run), and checks the outcome. Steps, one a line ("#" starts a comment; paths
// are relative to the case's directory):
//
//	file PATH SPEC          write a file (SPEC: Go-quoted strings, each
//	                        optionally repeated: "x"*1000)
//	shape PATH SHAPE N      write a testutil hostile shape at size N
//	symlink PATH TARGET     a symlink (TARGET absolute, or relative to PATH)
//	hardlink PATH EXISTING  a second name for a file
//	fifo PATH               a named pipe with no writer
//	chmod PATH MODE         change a file's mode (octal)
//	check ARGS...           run buflsp check ARGS (relative paths resolved;
//	                        flag values as --flag=value)
//	exit N                  the last check's exit code
//	stdout "RE" / stderr "RE"        its output matches RE
//	no-stdout "RE" / no-stderr "RE"  its output does not
//	content PATH SPEC       a file holds exactly SPEC
//	mode PATH MODE          a file's permission bits
//	symlink-kept PATH       PATH is still a symlink
//	same-file PATH PATH     two names of one file (a hard link survived)
//	no-temp DIR             no file left behind by --fix in DIR
//	lua PATH "OUT"          luajit runs PATH and prints OUT (needs luajit)
//
// Every check also asserts that no Go trace or runtime error text reaches
// the user ("goroutine ", "panic:", "runtime error", "fatal error:").

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/buflsp/buflsp/internal/oracle"
	"github.com/buflsp/buflsp/internal/testutil"
)

func TestRedTeamCheck(t *testing.T) {
	for _, area := range []string{"analyzer", "fs", "fix"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "redteam", area, "*.case"))
		if len(paths) == 0 {
			t.Errorf("no cases in testdata/redteam/%s", area)
		}
		for _, p := range paths {
			t.Run(area+"/"+strings.TrimSuffix(filepath.Base(p), ".case"), func(t *testing.T) {
				script, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				runCheckCase(t, string(script))
			})
		}
	}
}

var goTrace = regexp.MustCompile(`goroutine \d|panic:|runtime error|fatal error:`)

func runCheckCase(t *testing.T, script string) {
	dir := t.TempDir()
	at := func(p string) string { return filepath.Join(dir, p) }
	shapes := map[string]testutil.Shape{}
	for _, sh := range testutil.HostileShapes() {
		shapes[sh.Name] = sh
	}
	var stdout, stderr bytes.Buffer
	code := -1
	shaped := false // a shape was written: its size grows under make fuzz
	for ln, line := range strings.Split(script, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fail := func(format string, args ...any) {
			t.Helper()
			t.Fatalf("line %d (%s): "+format, append([]any{ln + 1, line}, args...)...)
		}
		verb, rest, _ := strings.Cut(line, " ")
		f := strings.Fields(rest)
		must := func(err error) {
			t.Helper()
			if err != nil {
				fail("%v", err)
			}
		}
		switch verb {
		case "file", "content":
			path, spec, _ := strings.Cut(rest, " ")
			if strings.HasPrefix(rest, `"`) {
				q, err := strconv.QuotedPrefix(rest)
				must(err)
				path, _ = strconv.Unquote(q)
				spec = rest[len(q):]
			}
			want := testutil.SpecBytes(t, spec)
			if verb == "file" {
				must(os.MkdirAll(filepath.Dir(at(path)), 0o755))
				must(os.WriteFile(at(path), want, 0o644))
				continue
			}
			got, err := os.ReadFile(at(path))
			must(err)
			if !bytes.Equal(got, want) {
				fail("content %q, want %q", truncateText(got), truncateText(want))
			}
		case "shape":
			sh, ok := shapes[f[1]]
			n, err := strconv.Atoi(f[2])
			if !ok || err != nil {
				fail("expected PATH SHAPE N")
			}
			must(os.MkdirAll(filepath.Dir(at(f[0])), 0o755))
			must(os.WriteFile(at(f[0]), sh.Gen(n*testutil.RedTeamScale()), 0o644))
			shaped = true
		case "symlink":
			must(os.MkdirAll(filepath.Dir(at(f[0])), 0o755))
			must(os.Symlink(f[1], at(f[0])))
		case "hardlink":
			must(os.Link(at(f[1]), at(f[0])))
		case "fifo":
			must(os.MkdirAll(filepath.Dir(at(f[0])), 0o755))
			must(syscall.Mkfifo(at(f[0]), 0o644))
		case "chmod", "mode":
			m, err := strconv.ParseUint(f[1], 8, 32)
			must(err)
			if verb == "chmod" {
				must(os.Chmod(at(f[0]), os.FileMode(m)))
				continue
			}
			st, err := os.Stat(at(f[0]))
			must(err)
			if st.Mode().Perm() != os.FileMode(m) {
				fail("mode %o, want %o", st.Mode().Perm(), m)
			}
		case "check":
			args := []string{}
			if shaped && testutil.RedTeamScale() > 1 {
				// Larger shapes pass the default size cap.
				args = append(args, "--max-file-size=4096")
			}
			for _, a := range f {
				if !strings.HasPrefix(a, "-") && !filepath.IsAbs(a) {
					a = at(a)
				}
				args = append(args, a)
			}
			stdout.Reset()
			stderr.Reset()
			done := make(chan int, 1)
			go func() { done <- check(args, strings.NewReader(""), &stdout, &stderr) }()
			select {
			case code = <-done:
			case <-time.After(time.Duration(testutil.RedTeamScale()) * 20 * time.Second):
				fail("check did not finish within %d s (a hang)", testutil.RedTeamScale()*20)
			}
			for _, out := range []string{stdout.String(), stderr.String()} {
				if m := goTrace.FindString(out); m != "" {
					fail("Go trace or escape sequence %q in the output:\n%s", m, truncateText([]byte(out)))
				}
			}
		case "exit":
			want, _ := strconv.Atoi(rest)
			if code != want {
				fail("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, want, truncateText(stdout.Bytes()), truncateText(stderr.Bytes()))
			}
		case "stdout", "stderr", "no-stdout", "no-stderr":
			out := stdout.String()
			if strings.HasSuffix(verb, "stderr") {
				out = stderr.String()
			}
			re := regexp.MustCompile(testutil.Unquote(t, rest))
			if re.MatchString(out) == strings.HasPrefix(verb, "no-") {
				fail("output:\n%s", truncateText([]byte(out)))
			}
		case "symlink-kept":
			st, err := os.Lstat(at(f[0]))
			must(err)
			if st.Mode()&os.ModeSymlink == 0 {
				fail("%s is no longer a symlink", f[0])
			}
		case "same-file":
			a, err := os.Stat(at(f[0]))
			must(err)
			b, err := os.Stat(at(f[1]))
			must(err)
			if !os.SameFile(a, b) {
				fail("%s and %s are no longer one file", f[0], f[1])
			}
		case "no-temp":
			entries, err := os.ReadDir(at(f[0]))
			must(err)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".buflsp-fix") {
					fail("temporary file %s left behind", e.Name())
				}
			}
		case "lua":
			bin := oracle.Require(t, "luajit")
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			out, err := exec.CommandContext(ctx, bin, at(f[0])).CombinedOutput()
			cancel()
			want := testutil.Unquote(t, strings.TrimSpace(strings.TrimPrefix(rest, f[0])))
			if err != nil || string(out) != want {
				fail("luajit printed %q (%v), want %q", out, err, want)
			}
		default:
			fail("unknown step %q", verb)
		}
	}
}

func truncateText(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "..."
	}
	return string(b)
}
