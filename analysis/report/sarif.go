package report

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/rules"
)

// This file writes SARIF 2.1.0 (OASIS), the format code-scanning services
// accept. Regions use SARIF's default column kind, UTF-16 code units, and
// say so explicitly in the run. Every catalogue rule is listed with its help
// text so that viewers can explain a result without another lookup.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	infoURI      = "https://github.com/buflsp/buflsp"
)

// SarifLog is the top-level SARIF object. The types are exported so that
// tests can decode output strictly (DisallowUnknownFields) into them.
type SarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []SarifRun `json:"runs"`
}

type SarifRun struct {
	Tool        SarifTool         `json:"tool"`
	Invocations []SarifInvocation `json:"invocations"`
	Results     []SarifResult     `json:"results"`
	ColumnKind  string            `json:"columnKind"`
}

type SarifTool struct {
	Driver SarifDriver `json:"driver"`
}

type SarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []SarifRule `json:"rules"`
}

type SarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name,omitempty"`
	ShortDescription     SarifMessage       `json:"shortDescription"`
	FullDescription      SarifMessage       `json:"fullDescription"`
	Help                 SarifMessage       `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration SarifConfiguration `json:"defaultConfiguration"`
}

type SarifConfiguration struct {
	Level string `json:"level"`
}

type SarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type SarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []SarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type SarifNotification struct {
	Level     string          `json:"level"`
	Message   SarifMessage    `json:"message"`
	Locations []SarifLocation `json:"locations,omitempty"`
}

type SarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   SarifMessage    `json:"message"`
	Locations []SarifLocation `json:"locations"`
	Fixes     []SarifFix      `json:"fixes,omitempty"`
}

type SarifLocation struct {
	PhysicalLocation SarifPhysicalLocation `json:"physicalLocation"`
}

type SarifPhysicalLocation struct {
	ArtifactLocation SarifArtifactLocation `json:"artifactLocation"`
	Region           *SarifRegion          `json:"region,omitempty"`
}

type SarifArtifactLocation struct {
	URI string `json:"uri"`
}

// SarifRegion is 1-based; endColumn is the column just after the range.
type SarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type SarifFix struct {
	Description     SarifMessage          `json:"description"`
	ArtifactChanges []SarifArtifactChange `json:"artifactChanges"`
}

type SarifArtifactChange struct {
	ArtifactLocation SarifArtifactLocation `json:"artifactLocation"`
	Replacements     []SarifReplacement    `json:"replacements"`
}

type SarifReplacement struct {
	DeletedRegion   SarifRegion           `json:"deletedRegion"`
	InsertedContent *SarifArtifactContent `json:"insertedContent,omitempty"`
}

type SarifArtifactContent struct {
	Text string `json:"text"`
}

func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.SeverityError:
		return "error"
	case rules.SeverityWarning:
		return "warning"
	}
	return "note"
}

// sarifURI turns a displayed path into a relative URI reference: forward
// slashes, each segment percent-encoded.
func sarifURI(p string) string {
	segs := strings.Split(filepath.ToSlash(p), "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

func writeSARIF(w io.Writer, results []analysis.FileResult, reg *rules.Registry, version string) error {
	version = strings.TrimPrefix(version, "v")
	if version == "" || version[0] < '0' || version[0] > '9' {
		// SARIF viewers compare versions numerically; a development build
		// has no number, so it leaves the property out.
		version = ""
	}
	run := SarifRun{
		Tool:       SarifTool{Driver: SarifDriver{Name: "buflsp", InformationURI: infoURI, Version: version}},
		Results:    []SarifResult{},
		ColumnKind: "utf16CodeUnits",
	}
	index := map[string]int{}
	for i, r := range reg.All() {
		index[r.Name] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, SarifRule{
			ID:                   r.Name,
			ShortDescription:     SarifMessage{Text: r.Summary},
			FullDescription:      SarifMessage{Text: r.Doc},
			Help:                 SarifMessage{Text: r.Doc, Markdown: "**" + r.Name + "**: " + r.Doc},
			HelpURI:              infoURI + "/blob/main/docs/rules.md#" + r.Name,
			DefaultConfiguration: SarifConfiguration{Level: sarifLevel(r.Severity)},
		})
	}
	inv := SarifInvocation{ExecutionSuccessful: true}
	for _, fr := range results {
		loc := SarifArtifactLocation{URI: sarifURI(fr.Path)}
		if fr.Err != nil {
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, SarifNotification{
				Level: "error", Message: SarifMessage{Text: fr.Err.Error()},
				Locations: []SarifLocation{{PhysicalLocation: SarifPhysicalLocation{ArtifactLocation: loc}}},
			})
			continue
		}
		lt := fr.Result.File.Lines
		region := func(s, e int) SarifRegion {
			ps, pe := position(lt, s), position(lt, e)
			return SarifRegion{StartLine: ps.Line, StartColumn: ps.col16, EndLine: pe.Line, EndColumn: pe.col16}
		}
		for _, d := range fr.Result.Diagnostics {
			reg := region(d.Start, d.End)
			res := SarifResult{
				RuleID: d.Rule, RuleIndex: index[d.Rule], Level: sarifLevel(d.Severity),
				Message:   SarifMessage{Text: d.Message},
				Locations: []SarifLocation{{PhysicalLocation: SarifPhysicalLocation{ArtifactLocation: loc, Region: &reg}}},
			}
			for _, f := range d.Fixes {
				ch := SarifArtifactChange{ArtifactLocation: loc}
				for _, e := range f.Edits {
					ch.Replacements = append(ch.Replacements, SarifReplacement{
						DeletedRegion:   region(e.Start, e.End),
						InsertedContent: &SarifArtifactContent{Text: e.NewText},
					})
				}
				res.Fixes = append(res.Fixes, SarifFix{Description: SarifMessage{Text: f.Title}, ArtifactChanges: []SarifArtifactChange{ch}})
			}
			run.Results = append(run.Results, res)
		}
	}
	run.Invocations = []SarifInvocation{inv}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(SarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []SarifRun{run}})
}
