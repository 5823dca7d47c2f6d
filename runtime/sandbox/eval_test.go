package sandbox

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/buflsp/buflsp/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite golden files")

// evalDir holds the evaluation cases shared with the eval command's tests.
const evalDir = "../../testdata/eval"

// TestEvalGolden evaluates every testdata/eval/*.lua file and compares the
// rendered result with the .golden file next to it. A first-line comment
// "-- eval: key=value ..." sets limits for the case (timeout, max-memory,
// max-output, call-stack, registry).
func TestEvalGolden(t *testing.T) {
	testutil.Cases(t, evalDir, ".lua", func(t *testing.T, file string, src []byte) {
		opts, err := caseOptions(src)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		opts.ChunkName = filepath.Base(file)
		res := Evaluate(context.Background(), src, opts)
		testutil.Golden(t, strings.TrimSuffix(file, ".lua")+".golden", []byte(formatResult(res)), *update)
	})
}

// caseOptions reads the "-- eval:" directive on the first line.
func caseOptions(src []byte) (Options, error) {
	var o Options
	first, _, _ := strings.Cut(string(src), "\n")
	rest, ok := strings.CutPrefix(first, "-- eval:")
	if !ok {
		return o, nil
	}
	for _, kv := range strings.Fields(rest) {
		k, v, _ := strings.Cut(kv, "=")
		var err error
		switch k {
		case "timeout":
			o.Timeout, err = time.ParseDuration(v)
		case "max-memory":
			o.MaxMemory, err = strconv.ParseInt(v, 10, 64)
		case "max-output":
			o.MaxOutput, err = strconv.Atoi(v)
		case "call-stack":
			o.CallStackSize, err = strconv.Atoi(v)
		case "registry":
			o.RegistryMaxSize, err = strconv.Atoi(v)
		default:
			err = fmt.Errorf("unknown directive %q", k)
		}
		if err != nil {
			return o, err
		}
	}
	return o, nil
}

// formatResult writes the parts of a result that do not depend on timing.
func formatResult(r *Result) string {
	var b strings.Builder
	b.WriteString("== output\n")
	b.WriteString(r.Output)
	if r.Output != "" && !strings.HasSuffix(r.Output, "\n") {
		b.WriteString("\n(no newline at end)\n")
	}
	if r.OutputTruncated {
		b.WriteString("(truncated)\n")
	}
	b.WriteString("== values\n")
	for _, v := range r.Values {
		fmt.Fprintf(&b, "%s: %s", v.Type, v.Text)
		if v.Length != nil {
			fmt.Fprintf(&b, " [length %d]", *v.Length)
		}
		b.WriteByte('\n')
	}
	b.WriteString("== error\n")
	if r.Err != nil {
		// Where a deadline or the heap watchdog catches a loop depends on
		// timing, so for those two limits the golden file only records that
		// a line was reported.
		// Growth in a loop is caught either by the check on the growing
		// buffer or by the heap watchdog, whichever sees it first, so the
		// message is recorded only as "growth".
		// A load reader's pieces are counted as they arrive ("load asked
		// for"), so that check and the watchdog race in the same way.
		line, msg := strconv.Itoa(r.Err.Line), r.Err.Message
		growth := r.Err.Limit == LimitMemory && (strings.Contains(msg, " grew ") || strings.HasPrefix(msg, "load asked for "))
		if r.Err.Limit == LimitTimeout || growth {
			// When the run is abandoned inside one long Go call (a huge
			// concatenation under load), no line is known at all.
			line = "timing-dependent"
		}
		if growth {
			msg = "(growth over the memory limit)"
		}
		fmt.Fprintf(&b, "kind=%s limit=%s line=%s\n%s\n", r.Err.Kind, r.Err.Limit, line, msg)
	}
	return b.String()
}
