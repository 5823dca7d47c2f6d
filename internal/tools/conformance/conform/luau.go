package conform

// This file adds the real Luau compiler as an oracle: luau-compile, found
// through BUFLSP_LUAU_DIR or PATH (internal/oracle), judges .luau files.
// Experimental syntax is switched off with fast flags, because buflsp
// follows the language a released Luau accepts by default minus the parts
// still being designed (integer literals, exported values).

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/oracle"
)

// LuauFlags are the fast flags conformance passes to luau-compile: they turn
// off the experimental syntax buflsp does not parse.
const LuauFlags = "--fflags=LuauIntegerType2=false,LuauExportValueSyntax=false"

// Luau is the Luau oracle. Its executable is looked up with
// oracle.LookLuau, not on PATH alone.
func Luau() Oracle { return Oracle{Exe: "luau-compile", Dir: "luau", Dialect: syntax.DialectLuau} }

// luauErrRE matches one luau-compile diagnostic: "path(line,col): Kind: msg".
var luauErrRE = regexp.MustCompile(`^(.*)\((\d+),(\d+)\): ([A-Za-z]+): (.*)$`)

// AskLuau compiles the files with luau-compile (one process per batch, no
// output written) and returns its verdicts in order: the first diagnostic it
// prints for each file.
func AskLuau(exe string, paths []string) ([]Verdict, error) {
	args := append([]string{"--null", LuauFlags}, paths...)
	cmd := exec.Command(exe, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if _, exit := err.(*exec.ExitError); !exit {
			return nil, fmt.Errorf("running %s: %w", exe, err)
		}
	}
	index := make(map[string]int, len(paths))
	for i, p := range paths {
		index[filepath.Clean(p)] = i
	}
	verdicts := make([]Verdict, len(paths))
	seen := make([]bool, len(paths))
	sc := bufio.NewScanner(bytes.NewReader(append(out, stderr.Bytes()...)))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := luauErrRE.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		i, ok := index[filepath.Clean(m[1])]
		if !ok {
			return nil, fmt.Errorf("%s reported a file it was not given: %q", exe, sc.Text())
		}
		if seen[i] {
			continue
		}
		seen[i] = true
		line, _ := strconv.Atoi(m[2])
		verdicts[i] = Verdict{Line: line, Msg: m[4] + ": " + m[5]}
	}
	if err != nil && !contains(seen) {
		return nil, fmt.Errorf("running %s: %w (%s)", exe, err, strings.TrimSpace(stderr.String()))
	}
	return verdicts, nil
}

func contains(seen []bool) bool {
	for _, s := range seen {
		if s {
			return true
		}
	}
	return false
}

// lookExe finds an oracle's executable: the Luau one through
// BUFLSP_LUAU_DIR or PATH, the others on PATH.
func lookExe(o Oracle) (string, bool) {
	if o.Exe == Luau().Exe {
		return oracle.LookLuau(o.Exe)
	}
	path, err := exec.LookPath(o.Exe)
	return path, err == nil
}
