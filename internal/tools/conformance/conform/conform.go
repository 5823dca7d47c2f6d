// Package conform compares buflsp's parser with the real Lua compilers: for
// each file it asks an oracle (luajit, lua5.1, lua5.2, lua5.3 or lua5.4)
// whether the file
// compiles and on which line the first error is, and checks that
// syntax.Parse agrees. Files are only compiled, never run.
package conform

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// Oracle names the executable that judges a file and the dialect our parser
// must use to agree with it.
type Oracle struct {
	Exe     string // "luajit", "lua5.1", ... "lua5.4"
	Dir     string // the path element that selects it: "luajit", "lua51", ...
	Dialect syntax.Dialect
}

// Oracles are the compilers conformance knows, luajit first (the default).
func Oracles() []Oracle {
	return []Oracle{
		{"luajit", "luajit", syntax.DialectLuaJIT},
		{"lua5.1", "lua51", syntax.DialectLua51},
		{"lua5.2", "lua52", syntax.DialectLua52},
		{"lua5.3", "lua53", syntax.DialectLua53},
		{"lua5.4", "lua54", syntax.DialectLua54},
	}
}

// OracleNamed returns the oracle with the executable name exe
// (luau-compile included).
func OracleNamed(exe string) (Oracle, bool) {
	for _, o := range append(Oracles(), Luau()) {
		if o.Exe == exe {
			return o, true
		}
	}
	return Oracle{}, false
}

// OracleFor picks the oracle for a file: a .luau file is Luau's; otherwise
// a first-line marker "-- oracle: lua5.4" (or lua5.1, lua5.2, lua5.3,
// luajit, luau-compile) wins, then the last path element named lua51,
// lua52, lua53, lua54, luajit or luau, then luajit.
func OracleFor(path string, src []byte) Oracle {
	if strings.HasSuffix(path, ".luau") {
		return Luau()
	}
	first := src
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	for _, o := range append(Oracles(), Luau()) {
		if bytes.Contains(first, []byte("oracle: "+o.Exe)) {
			return o
		}
	}
	parts := strings.Split(filepath.ToSlash(path), "/")
	for i := len(parts) - 1; i >= 0; i-- {
		for _, o := range append(Oracles(), Luau()) {
			if parts[i] == o.Dir {
				return o
			}
		}
	}
	return Oracles()[0]
}

// Verdict is what one side says about a file: Line is 0 when it compiles.
type Verdict struct {
	Line int
	Msg  string
}

// OK reports whether the file compiled.
func (v Verdict) OK() bool { return v.Line == 0 }

// Result is the comparison for one file.
type Result struct {
	Path   string
	Oracle string
	Want   Verdict // the oracle's verdict
	Got    Verdict // ours
}

// Agree reports whether both sides agree on success and on the error line.
func (r Result) Agree() bool { return r.Want.Line == r.Got.Line }

// checkScript compiles each file named on stdin and prints one line per file.
const checkScript = `
for path in io.lines() do
  local f, err = loadfile(path)
  if f then io.write("OK\n") else io.write("ERR ", (tostring(err):gsub("[\r\n]", " ")), "\n") end
end
`

var lineRE = regexp.MustCompile(`:(\d+): `)

// Ask runs the oracle over the files (in one process) and returns its
// verdicts in order.
func Ask(exe string, paths []string) ([]Verdict, error) {
	cmd := exec.Command(exe, "-e", checkScript)
	cmd.Stdin = strings.NewReader(strings.Join(paths, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("running %s: %w (%s)", exe, err, stderr.String())
	}
	var verdicts []Verdict
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "OK" {
			verdicts = append(verdicts, Verdict{})
			continue
		}
		msg := strings.TrimPrefix(line, "ERR ")
		v := Verdict{Line: -1, Msg: msg}
		if m := lineRE.FindStringSubmatchIndex(msg); m != nil {
			v.Line, _ = strconv.Atoi(msg[m[2]:m[3]])
			v.Msg = msg[m[1]:]
		}
		verdicts = append(verdicts, v)
	}
	if len(verdicts) != len(paths) {
		return nil, fmt.Errorf("%s judged %d of %d files", exe, len(verdicts), len(paths))
	}
	return verdicts, nil
}

// Ours parses src in the dialect and returns our verdict: the error the
// dialect's compiler would meet first, with the line it would name
// (syntax.File.CompilerError).
func Ours(src []byte, d syntax.Dialect) Verdict {
	f := syntax.Parse("", src, syntax.Options{Dialect: d})
	e, line, ok := f.CompilerError()
	if !ok {
		return Verdict{}
	}
	return Verdict{Line: line, Msg: e.Msg}
}

// LuaLine returns the line Lua's lexer is on after reading src[:off].
func LuaLine(src []byte, off int) int {
	if off > len(src) {
		off = len(src)
	}
	line := 1
	for i := 0; i < off; i++ {
		c := src[i]
		if c == '\n' || c == '\r' {
			line++
			if i+1 < off && (src[i+1] == '\n' || src[i+1] == '\r') && src[i+1] != c {
				i++
			}
		}
	}
	return line
}

// Files lists the .lua and .luau files under dir (or dir itself if it is a
// file).
func Files(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(path, ".lua") || strings.HasSuffix(path, ".luau")) {
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

// Run compares every file with its oracle (OracleFor). Oracles that are not
// installed are reported in missing and their files skipped.
func Run(paths []string) (results []Result, missing []string, err error) {
	return run(paths, OracleFor)
}

// RunAs compares every file with the one oracle o, whatever the files'
// markers and paths say (for a project written for one Lua version).
func RunAs(paths []string, o Oracle) (results []Result, missing []string, err error) {
	return run(paths, func(string, []byte) Oracle { return o })
}

func run(paths []string, pick func(path string, src []byte) Oracle) (results []Result, missing []string, err error) {
	groups := map[string][]string{}
	srcs := map[string][]byte{}
	dialects := map[string]syntax.Dialect{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, fmt.Errorf("reading %s: %w", p, err)
		}
		o := pick(p, src)
		abs, _ := filepath.Abs(p)
		groups[o.Exe] = append(groups[o.Exe], abs)
		srcs[abs] = src
		dialects[o.Exe] = o.Dialect
	}
	for _, o := range append(Oracles(), Luau()) {
		files := groups[o.Exe]
		if len(files) == 0 {
			continue
		}
		exe, ok := lookExe(o)
		if !ok {
			missing = append(missing, o.Exe)
			continue
		}
		ask := Ask
		if o.Exe == Luau().Exe {
			ask = AskLuau
		}
		// Batches keep the command's stdin (or argument list) and memory small.
		for i := 0; i < len(files); i += 500 {
			batch := files[i:min(i+500, len(files))]
			want, err := ask(exe, batch)
			if err != nil {
				return nil, nil, err
			}
			for j, p := range batch {
				results = append(results, Result{Path: p, Oracle: o.Exe, Want: want[j], Got: Ours(srcs[p], o.Dialect)})
			}
		}
	}
	return results, missing, nil
}
