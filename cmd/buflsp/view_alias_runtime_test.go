package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestViewAliasAgreesWithRuntime runs each testdata/rules/view-alias/
// runtime_*.lua case twice, through `buflsp check --rule view-alias` and
// through `buflsp run --target buflsp`, and requires the rule to say "stale"
// on exactly the line where the runtime raises "stale buffer view", and
// nowhere when the runtime runs the case to the end. Each case holds at most
// one staleness point, because the runtime stops at the first.
func TestViewAliasAgreesWithRuntime(t *testing.T) {
	bin := buildBuflsp(t)
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "rules", "view-alias", "runtime_*.lua"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no runtime_*.lua cases found (%v)", err)
	}
	raised := regexp.MustCompile(`:(\d+): stale buffer view`)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			out, err := exec.Command(bin, "check", "--rule", "view-alias", "--format", "json", file).Output()
			if err != nil {
				if _, isExit := err.(*exec.ExitError); !isExit {
					t.Fatalf("check: %v", err)
				}
			}
			var report struct {
				Diagnostics []struct {
					Rule    string `json:"rule"`
					Message string `json:"message"`
					Range   struct {
						Start struct {
							Line int `json:"line"`
						} `json:"start"`
					} `json:"range"`
				} `json:"diagnostics"`
			}
			if err := json.Unmarshal(out, &report); err != nil {
				t.Fatalf("check output is not JSON: %v\n%s", err, out)
			}
			var ruleLines []int
			for _, d := range report.Diagnostics {
				if d.Rule == "view-alias" && strings.Contains(d.Message, "stale") {
					ruleLines = append(ruleLines, d.Range.Start.Line)
				}
			}

			run := exec.Command(bin, "run", "--target", "buflsp", file)
			combined, runErr := run.CombinedOutput()
			runtimeLine := 0
			if m := raised.FindSubmatch(combined); m != nil {
				runtimeLine, _ = strconv.Atoi(string(m[1]))
			} else if runErr != nil {
				t.Fatalf("run failed without a stale view error: %v\n%s", runErr, combined)
			}

			switch {
			case runtimeLine == 0 && len(ruleLines) > 0:
				t.Errorf("the rule reports a stale view on line(s) %v, but the runtime ran the case to the end", ruleLines)
			case runtimeLine != 0 && (len(ruleLines) != 1 || ruleLines[0] != runtimeLine):
				t.Errorf("the runtime raised stale buffer view on line %d, the rule reported it on line(s) %v",
					runtimeLine, ruleLines)
			}
		})
	}
}
