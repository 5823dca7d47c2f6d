package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteText writes a result for people: the captured output as it was
// printed, then one "=> type: value" line per returned value. The error, if
// any, goes to errw as "chunk:line: kind: message" followed by the Lua
// traceback when traceback is set.
func WriteText(w, errw io.Writer, chunk string, r *Result, traceback bool) {
	io.WriteString(w, r.Output)
	if r.Output != "" && !strings.HasSuffix(r.Output, "\n") && (len(r.Values) > 0 || r.OutputTruncated) {
		io.WriteString(w, "\n")
	}
	if r.OutputTruncated {
		io.WriteString(w, "[output truncated]\n")
	}
	for _, v := range r.Values {
		fmt.Fprintf(w, "=> %s: %s\n", v.Type, v.Text)
	}
	if r.Err == nil {
		return
	}
	where := chunk
	if r.Err.Line > 0 {
		where += ":" + strconv.Itoa(r.Err.Line)
	}
	kind := string(r.Err.Kind) + " error"
	if r.Err.Kind == KindLimit {
		kind = string(r.Err.Limit) + " limit exceeded"
	}
	fmt.Fprintf(errw, "%s: %s: %s\n", where, kind, r.Err.Message)
	if traceback && r.Err.Traceback != "" {
		fmt.Fprintln(errw, r.Err.Traceback)
	}
}

// jsonResult is the --json schema: Result plus an explicit ok flag.
type jsonResult struct {
	OK bool `json:"ok"`
	*Result
}

// WriteJSON writes a result as one JSON object (see docs/eval.md for the
// schema) followed by a newline.
func WriteJSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jsonResult{OK: r.OK(), Result: r}); err != nil {
		return fmt.Errorf("encode result: %w", err)
	}
	return nil
}

// ParseSize reads a byte count such as "1048576", "64k", "64KiB", "16M",
// "16MB" or "1g" (the units are powers of 1024).
func ParseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30}, {"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("invalid size %q: expected a positive number of bytes, optionally with a unit k, M or G (e.g. 64M)", s)
	}
	return n * mult, nil
}
