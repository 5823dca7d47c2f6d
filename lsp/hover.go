package lsp

// This file answers textDocument/hover: on an API function or method, its
// signature and description from the signature table; on a variable, what is
// known of its value (buffer kind, constant size, where a view or pointer
// came from).

import (
	"context"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
)

func (s *Server) hover(ctx context.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	snap, off, err := s.at(p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	ix, err := snap.indexCtx(ctx)
	if err != nil {
		return nil, err
	}
	if m := ix.memberAt(off); m != nil && m.fn != nil {
		n := m.node.Name
		return s.markup(apiDoc(m.fn), snap.Mapper.SpanRange(n.Start, n.End)), nil
	}
	o := ix.occurrenceAt(off)
	if o == nil {
		return nil, nil
	}
	sym := o.sym
	var b strings.Builder
	b.WriteString("```lua\n")
	switch sym.kind {
	case symGlobal:
		b.WriteString("(global) ")
	case symParam:
		b.WriteString("(parameter) ")
	case symFunction:
		b.WriteString("local function ")
	default:
		b.WriteString("local ")
	}
	b.WriteString(sym.name)
	// The analyzer's flow-sensitive type at this name: constants, buffers
	// returned by functions, staleness of a pointer or view.
	v := ix.valueAt(o)
	if d := v.Describe(); d != "" {
		b.WriteString(": ")
		b.WriteString(d)
	}
	b.WriteString("\n```")
	if v.t.Stale {
		b.WriteString("\n\nStale: its buffer changed after it was taken")
		if v.t.StaleBy != nil {
			line, _ := ix.file.Lines.Position(v.t.StaleBy.Start)
			b.WriteString(" (by the call on line " + itoa(line) + ")")
		}
		b.WriteString("; take it again before use.")
	}
	switch v.t.Kind {
	case semantic.View:
		b.WriteString("\n\nA view shares memory with its source: a change to either is seen by both. `:clone()` it to keep a copy.")
	case semantic.Pointer:
		b.WriteString("\n\nA pointer into the buffer's memory; it is valid only until the buffer is next changed.")
	case semantic.LBuf:
		b.WriteString("\n\nA Luau buffer: fixed size, offsets start at 0.")
	}
	return s.markup(b.String(), snap.Mapper.SpanRange(o.start, o.end)), nil
}

// apiDoc renders an API entry as markdown.
func apiDoc(f *api.Func) string {
	var b strings.Builder
	b.WriteString("```lua\n")
	b.WriteString(f.Signature())
	b.WriteString("\n```\n")
	if f.Doc != "" {
		b.WriteString("\n")
		b.WriteString(f.Doc)
		b.WriteString("\n")
	}
	if len(f.Params) > 0 {
		b.WriteString("\n")
		for _, p := range f.Params {
			b.WriteString("- `" + p.Name + "`")
			if p.Doc != "" {
				b.WriteString(": " + p.Doc)
			}
			b.WriteString("\n")
		}
	}
	if f.Example != "" {
		b.WriteString("\n```lua\n")
		b.WriteString(strings.TrimRight(f.Example, "\n"))
		b.WriteString("\n```\n")
	}
	var notes []string
	if f.Extension {
		notes = append(notes, "buflsp extension (target buflsp)")
	}
	if f.FFI {
		notes = append(notes, "needs LuaJIT's FFI")
	}
	if len(notes) > 0 {
		b.WriteString("\n_" + strings.Join(notes, "; ") + "_\n")
	}
	return b.String()
}

// markup wraps markdown for the client, falling back to plain text for
// clients that do not render markdown.
func (s *Server) markup(md string, r protocol.Range) *protocol.Hover {
	s.mu.Lock()
	markdown := s.client.markdown
	s.mu.Unlock()
	kind := protocol.Markdown
	if !markdown {
		kind = protocol.PlainText
	}
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: kind, Value: md}, Range: &r}
}
