package report

import (
	"encoding/json"
	"io"

	"github.com/buflsp/buflsp/analysis"
)

// JSONVersion is the version of the --format json schema. It changes only
// when a field is removed or changes meaning; new fields may appear within a
// version.
const JSONVersion = 1

// jsonDoc is the document --format json prints; docs/check.md describes it.
type jsonDoc struct {
	Version     int         `json:"version"`
	Diagnostics []jsonDiag  `json:"diagnostics"`
	Errors      []jsonError `json:"errors"`
	Summary     jsonSummary `json:"summary"`
}

type jsonRange struct {
	Start pos `json:"start"`
	End   pos `json:"end"`
}

type jsonDiag struct {
	Path     string        `json:"path"`
	Rule     string        `json:"rule"`
	Severity string        `json:"severity"`
	Message  string        `json:"message"`
	Range    jsonRange     `json:"range"`
	Fixes    []jsonFix     `json:"fixes,omitempty"`
	Related  []jsonRelated `json:"related,omitempty"`
}

type jsonFix struct {
	Title string     `json:"title"`
	Edits []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Range   jsonRange `json:"range"`
	NewText string    `json:"newText"`
}

type jsonRelated struct {
	Range   jsonRange `json:"range"`
	Message string    `json:"message"`
}

type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
	Hints    int `json:"hints"`
}

func writeJSON(w io.Writer, results []analysis.FileResult) error {
	doc := jsonDoc{Version: JSONVersion, Diagnostics: []jsonDiag{}, Errors: []jsonError{}}
	for _, fr := range results {
		if fr.Err != nil {
			doc.Errors = append(doc.Errors, jsonError{Path: fr.Path, Message: fr.Err.Error()})
			continue
		}
		doc.Summary.Files++
		lt := fr.Result.File.Lines
		rng := func(s, e int) jsonRange { return jsonRange{Start: position(lt, s), End: position(lt, e)} }
		for _, d := range fr.Result.Diagnostics {
			jd := jsonDiag{Path: fr.Path, Rule: d.Rule, Severity: d.Severity.String(), Message: d.Message, Range: rng(d.Start, d.End)}
			for _, f := range d.Fixes {
				jf := jsonFix{Title: f.Title, Edits: []jsonEdit{}}
				for _, e := range f.Edits {
					jf.Edits = append(jf.Edits, jsonEdit{Range: rng(e.Start, e.End), NewText: e.NewText})
				}
				jd.Fixes = append(jd.Fixes, jf)
			}
			for _, r := range d.Related {
				jd.Related = append(jd.Related, jsonRelated{Range: rng(r.Start, r.End), Message: r.Message})
			}
			doc.Diagnostics = append(doc.Diagnostics, jd)
			switch d.Severity {
			case analysis.SeverityError:
				doc.Summary.Errors++
			case analysis.SeverityWarning:
				doc.Summary.Warnings++
			case analysis.SeverityInfo:
				doc.Summary.Infos++
			case analysis.SeverityHint:
				doc.Summary.Hints++
			}
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
