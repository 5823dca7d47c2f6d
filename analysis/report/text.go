package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/rules"
)

// ANSI SGR sequences for coloured text output. The colours follow what
// compilers and linters use: red errors, yellow warnings, blue infos, cyan
// hints, a bold location and a dim rule name.
const (
	sgrReset = "\033[0m"
	sgrBold  = "\033[1m"
	sgrDim   = "\033[2m"
)

func severityColor(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return "\033[1;31m"
	case rules.SeverityWarning:
		return "\033[1;33m"
	case rules.SeverityInfo:
		return "\033[1;34m"
	}
	return "\033[1;36m"
}

// writeText prints one line per diagnostic,
//
//	path:line:col: severity: message [rule-name]
//
// and, when excerpt is set (stdout is a terminal), the source line with a
// caret under the range. Columns count bytes. With color the location, the
// severity, the rule and the carets are marked up with ANSI colours.
func writeText(w io.Writer, results []analysis.FileResult, excerpt, color bool) error {
	paint := func(sgr, s string) string {
		if !color {
			return s
		}
		return sgr + s + sgrReset
	}
	for _, fr := range results {
		if fr.Result == nil {
			continue
		}
		lt := fr.Result.File.Lines
		for _, d := range fr.Result.Diagnostics {
			p := position(lt, d.Start)
			sev := severityColor(d.Severity)
			loc := fmt.Sprintf("%s:%d:%d:", terminalSafe(fr.Path), p.Line, p.Column)
			if _, err := fmt.Fprintf(w, "%s %s %s %s\n", paint(sgrBold, loc), paint(sev, d.Severity.String()+":"), terminalSafe(d.Message), paint(sgrDim, "["+d.Rule+"]")); err != nil {
				return err
			}
			if excerpt {
				line, marks := excerptLines(fr.Result.File.Src, lt.LineStart(p.Line), lt.LineEnd(p.Line), d.Start, d.End)
				if _, err := fmt.Fprintf(w, "    %s\n    %s\n", line, paint(sev, marks)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// excerptLines returns the line (control bytes escaped, see terminalSafe)
// and, under it, the padding and carets that mark [start, end), clipped to
// the line. Tabs before the range are kept so the carets line up.
func excerptLines(src []byte, lineStart, lineEnd, start, end int) (line, marks string) {
	prefix := terminalSafe(string(src[lineStart:start]))
	pad := make([]byte, 0, len(prefix))
	for _, r := range prefix {
		if r == '\t' {
			pad = append(pad, '\t')
		} else {
			pad = append(pad, ' ') // one column per character, not per byte
		}
	}
	n := utf8.RuneCountInString(terminalSafe(string(src[start:min(max(end, start), lineEnd)])))
	return terminalSafe(string(src[lineStart:lineEnd])), string(pad) + strings.Repeat("^", max(n, 1))
}
