package lsp

// This file answers textDocument/codeAction: the quick fixes the rules attach
// to their diagnostics, plus, for every rule but syntax-error, "disable for
// this line" and "disable for this file" actions that insert the
// ---@diagnostic comments buflsp (like lua-language-server) understands;
// and, when the client asks for source actions, "source.fixAll.buflsp":
// every quick fix at once, the same ones `buflsp check --fix` applies, which
// editors run on save ("editor.codeActionsOnSave").

import (
	"context"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis"
)

func (s *Server) codeAction(ctx context.Context, p *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	snap, err := s.snapshotOf(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	quickFixes := len(p.Context.Only) == 0 || wantsKind(p.Context.Only, protocol.QuickFix)
	fixAll := wantsKind(p.Context.Only, FixAllKind)
	if !quickFixes && !fixAll {
		return []protocol.CodeAction{}, nil
	}
	res, err := snap.analysisCtx(ctx)
	if err != nil {
		return nil, err
	}
	out := []protocol.CodeAction{}
	if fixAll {
		if a, ok := fixAllAction(snap, res); ok {
			out = append(out, a)
		}
	}
	if !quickFixes {
		return out, nil
	}
	m := snap.Mapper
	start, end := m.RangeSpan(p.Range)
	disabledLine := map[string]bool{}
	disabledFile := map[string]bool{}
	for _, d := range res.Diagnostics {
		if d.End < start || d.Start > end {
			continue
		}
		pd := toDiagnostics(m, snap.URI, []analysis.Diagnostic{d})[0]
		for i, fix := range d.Fixes {
			out = append(out, protocol.CodeAction{
				Title:       fix.Title,
				Kind:        protocol.QuickFix,
				Diagnostics: []protocol.Diagnostic{pd},
				IsPreferred: i == 0,
				Edit:        editOf(snap, fix.Edits),
			})
		}
		if d.Rule == "syntax-error" {
			continue
		}
		line, _ := lineOfOffset(m, d.Start)
		key := d.Rule + "@" + itoa(line)
		if !disabledLine[key] {
			disabledLine[key] = true
			out = append(out, protocol.CodeAction{
				Title:       "Disable " + d.Rule + " for this line",
				Kind:        protocol.QuickFix,
				Diagnostics: []protocol.Diagnostic{pd},
				Edit:        editOf(snap, []analysis.Edit{disableLineEdit(snap.Content, m, d.Start, d.Rule)}),
			})
		}
		if !disabledFile[d.Rule] {
			disabledFile[d.Rule] = true
			out = append(out, protocol.CodeAction{
				Title:       "Disable " + d.Rule + " for this file",
				Kind:        protocol.QuickFix,
				Diagnostics: []protocol.Diagnostic{pd},
				Edit:        editOf(snap, []analysis.Edit{disableFileEdit(snap.Content, d.Rule)}),
			})
		}
	}
	return out, nil
}

// FixAllKind is the code action kind of "apply every quick fix".
const FixAllKind protocol.CodeActionKind = "source.fixAll.buflsp"

// wantsKind reports whether the "only" filter of a request admits kind:
// the kind itself or one of its parents ("source" admits
// "source.fixAll.buflsp").
func wantsKind(only []protocol.CodeActionKind, kind protocol.CodeActionKind) bool {
	for _, k := range only {
		if k == kind || k == "" || strings.HasPrefix(string(kind), string(k)+".") {
			return true
		}
	}
	return false
}

// fixAllAction applies every quick fix that check --fix would: none when
// the file has syntax errors (edits computed on a partial tree could make
// things worse), and of fixes that touch the same text only the first.
func fixAllAction(snap *Snapshot, res *analysis.Result) (protocol.CodeAction, bool) {
	if len(res.File.Errors) > 0 {
		return protocol.CodeAction{}, false
	}
	edits, n := analysis.FixEdits(len(snap.Content), res.Diagnostics)
	if n == 0 {
		return protocol.CodeAction{}, false
	}
	title := "Fix all buflsp problems"
	if n == 1 {
		title = "Fix the buflsp problem"
	}
	return protocol.CodeAction{Title: title + " (" + itoa(n) + ")", Kind: FixAllKind, Edit: editOf(snap, edits)}, true
}

func editOf(snap *Snapshot, edits []analysis.Edit) *protocol.WorkspaceEdit {
	te := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		te = append(te, protocol.TextEdit{Range: snap.Mapper.SpanRange(e.Start, e.End), NewText: e.NewText})
	}
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{snap.URI: te}}
}

func lineOfOffset(m *Mapper, off int) (int, int) {
	p := m.OffsetPosition(off)
	return int(p.Line), int(p.Character)
}

// disableLineEdit inserts "---@diagnostic disable-next-line: rule" above the
// line of off, with that line's indentation.
func disableLineEdit(src []byte, m *Mapper, off int, rule string) analysis.Edit {
	line, _ := lineOfOffset(m, off)
	start := m.PositionOffset(protocol.Position{Line: uint32(line)})
	indentEnd := start
	for indentEnd < len(src) && (src[indentEnd] == ' ' || src[indentEnd] == '\t') {
		indentEnd++
	}
	indent := string(src[start:indentEnd])
	return analysis.Edit{Start: start, End: start, NewText: indent + "---@diagnostic disable-next-line: " + rule + lineEnding(src)}
}

// disableFileEdit inserts "---@diagnostic disable: rule" at the top of the
// file, after a shebang or a "-- target:" line, which must stay first.
func disableFileEdit(src []byte, rule string) analysis.Edit {
	at := 0
	first := src
	if i := strings.IndexByte(string(src), '\n'); i >= 0 {
		first = src[:i]
	}
	if strings.HasPrefix(string(first), "#!") || strings.HasPrefix(strings.TrimSpace(string(first)), "-- target:") {
		at = len(first)
		if at < len(src) {
			at++
		}
	}
	text := "---@diagnostic disable: " + rule + lineEnding(src)
	if at == len(src) && at > 0 && src[at-1] != '\n' {
		text = lineEnding(src) + "---@diagnostic disable: " + rule
	}
	return analysis.Edit{Start: at, End: at, NewText: text}
}

// lineEnding returns the file's line terminator style.
func lineEnding(src []byte) string {
	if strings.Contains(string(src), "\r\n") {
		return "\r\n"
	}
	return "\n"
}
