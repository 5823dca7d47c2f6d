package report

import (
	"fmt"
	"io"
	"strings"

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

// escapeData escapes a command's message: '%', CR and LF would otherwise end
// or corrupt the command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value, where ':' and ',' are separators
// as well.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
