package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/buflsp/buflsp/analysis"
)

// writeText prints one line per diagnostic,
//
//	path:line:col: severity: message [rule-name]
//
// and, when excerpt is set (stdout is a terminal), the source line with a
// caret under the range. Columns count bytes.
func writeText(w io.Writer, results []analysis.FileResult, excerpt bool) error {
	for _, fr := range results {
		if fr.Result == nil {
			continue
		}
		lt := fr.Result.File.Lines
		for _, d := range fr.Result.Diagnostics {
			p := position(lt, d.Start)
			if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", fr.Path, p.Line, p.Column, d.Severity, d.Message, d.Rule); err != nil {
				return err
			}
			if excerpt {
				writeExcerpt(w, fr.Result.File.Src, lt.LineStart(p.Line), lt.LineEnd(p.Line), d.Start, d.End)
			}
		}
	}
	return nil
}

// writeExcerpt shows the line and marks [start, end) with carets, clipped to
// the line. Tabs before the range are kept so the caret lines up.
func writeExcerpt(w io.Writer, src []byte, lineStart, lineEnd, start, end int) {
	line := string(src[lineStart:lineEnd])
	pad := make([]byte, 0, start-lineStart)
	for _, c := range src[lineStart:start] {
		if c == '\t' {
			pad = append(pad, '\t')
		} else if c < 0x80 || c >= 0xC0 {
			pad = append(pad, ' ') // one column per character, not per byte
		}
	}
	n := 0
	for _, c := range src[start:min(end, lineEnd)] {
		if c < 0x80 || c >= 0xC0 {
			n++
		}
	}
	fmt.Fprintf(w, "    %s\n    %s%s\n", line, pad, strings.Repeat("^", max(n, 1)))
}
