package analysis

import "github.com/buflsp/buflsp/analysis/syntax"

// keepFindings reduces a checked file's result to what the report needs,
// so that a run over many files holds findings, not trees: the syntax
// tree, the comments, the model and the types are dropped as soon as the
// file is checked (they cost about 500 bytes per source line, the text
// about 30). A file with diagnostics keeps its text and line table for
// positions and excerpts; a file without keeps neither. The reduced
// Result's File has no Chunk, so its Model and Types are nil.
func keepFindings(fr FileResult) FileResult {
	r := fr.Result
	if r == nil || r.File == nil {
		return fr
	}
	f := &syntax.File{Name: r.File.Name, Target: r.File.Target, Dialect: r.File.Dialect, Errors: r.File.Errors}
	if len(r.Diagnostics) > 0 {
		f.Src, f.Lines = r.File.Src, r.File.Lines
	}
	fr.Result = &Result{File: f, Diagnostics: r.Diagnostics}
	return fr
}
