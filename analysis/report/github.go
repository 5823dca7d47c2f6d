package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/rules"
)

// writeGitHub prints GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request:
//
//	::error file=a.lua,line=3,col=5,endLine=3,endColumn=9,title=buffer-concat::message
//
// Warnings use ::warning, and info and hint use ::notice. Files that could
// not be read become an ::error on the file.
func writeGitHub(w io.Writer, results []analysis.FileResult) error {
	for _, fr := range results {
		if fr.Err != nil {
			if _, err := fmt.Fprintf(w, "::error file=%s,title=buflsp::%s\n", escapeProperty(fr.Path), escapeData(fr.Err.Error())); err != nil {
				return err
			}
			continue
		}
		lt := fr.Result.File.Lines
		for _, d := range fr.Result.Diagnostics {
			s, e := position(lt, d.Start), position(lt, d.End)
			_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				githubLevel(d.Severity), escapeProperty(fr.Path), s.Line, s.Column, e.Line, e.Column,
				escapeProperty(d.Rule), escapeData(d.Message))
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func githubLevel(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return "error"
	case rules.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a command's message. '%', CR and LF are encoded as
// the runner expects (it decodes %25, %0D and %0A); every other control
// character is encoded the same way so that it reaches neither the
// runner's log nor a terminal showing it: C0 controls but tab, DEL, the C1
// controls U+0080..U+009F (each of its UTF-8 bytes) and bytes that are not
// UTF-8. The runner leaves those codes as text, so the annotation shows
// e.g. "%1B" where the source had an escape character.
func escapeData(s string) string { return escapeCommand(s, false) }

// escapeProperty escapes a property value, where ':' and ',' are separators
// as well (%3A, %2C).
func escapeProperty(s string) string { return escapeCommand(s, true) }

func escapeCommand(s string, property bool) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case controlRune(r, size), r == '%', property && (r == ':' || r == ','):
			for _, c := range []byte(s[i : i+size]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
