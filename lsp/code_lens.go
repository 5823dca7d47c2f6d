package lsp

// This file answers textDocument/codeLens with an "Evaluate" lens above each
// "--- @eval" marker comment (also written "---@eval"). The marker opens a
// block that runs up to the next marker or the end of the file; blank lines
// at the end of the block are left out. The lens's command is
// buflsp.evaluate with the block's range, so clicking it runs that block
// only. Markers keep lenses opt-in: an ordinary Lua file shows none.

import (
	"context"
	"strings"

	"go.lsp.dev/protocol"
)

// setCodeLensProvider announces code lenses (no resolve step: each lens
// comes with its command).
func setCodeLensProvider(c *serverCapabilities) { c.CodeLensProvider = &protocol.CodeLensOptions{} }

// evalMarker is the comment that asks for a lens.
const evalMarker = "@eval"

func (s *Server) codeLens(ctx context.Context, p *protocol.CodeLensParams) ([]protocol.CodeLens, error) {
	snap, err := s.snapshotOf(p.TextDocument.URI)
	if err != nil {
		return nil, err
	}
	res, _, err := snap.wait(ctx)
	if err != nil {
		return nil, err
	}
	m := snap.Mapper
	var markers []int // zero-based lines of the markers
	for _, c := range res.File.Comments {
		if !c.Long && isEvalMarker(c.Text) {
			markers = append(markers, m.lineOf(c.Start))
		}
	}
	lenses := []protocol.CodeLens{}
	for i, line := range markers {
		last := m.LineCount() - 1
		if i+1 < len(markers) {
			last = markers[i+1] - 1
		}
		for last > line && isBlankLine(m, last) {
			last--
		}
		if last <= line {
			continue // nothing to evaluate under this marker
		}
		block := protocol.Range{
			Start: protocol.Position{Line: uint32(line + 1)},
			End:   m.OffsetPosition(m.lineEnd(last)),
		}
		lenses = append(lenses, protocol.CodeLens{
			Range: m.SpanRange(m.lineStart[line], m.lineEnd(line)),
			Command: &protocol.Command{
				Title:     "▶ Evaluate",
				Command:   commandEvaluate,
				Arguments: []any{evaluateArgs{URI: snap.URI, Range: &block}},
			},
		})
	}
	return lenses, nil
}

// isEvalMarker reports whether a line comment's text is "--- @eval", with
// any number of dashes from three and optional text after the marker word.
func isEvalMarker(text string) bool {
	if !strings.HasPrefix(text, "---") {
		return false
	}
	rest := strings.TrimSpace(strings.TrimLeft(text, "-"))
	word, _, _ := strings.Cut(rest, " ")
	return word == evalMarker
}

func isBlankLine(m *Mapper, line int) bool {
	return strings.TrimSpace(string(m.content[m.lineStart[line]:m.lineEnd(line)])) == ""
}
