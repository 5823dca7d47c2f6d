package lsp

// This file answers textDocument/hover: on an API function or method, its
// signature and description from the signature table; on a variable, what is
// known of its value (buffer kind, constant size, where a view or pointer
// came from); on a field the analyzer knows holds a buffer, its kind.

import (
	"context"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

func (s *Server) hover(ctx context.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	snap, off, err := s.at(p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	// The newest completed analysis answers when the word under the
	// cursor is unchanged since; offsets below are in its text.
	v, off, err := tokenView(ctx, snap, off)
	if err != nil {
		return nil, err
	}
	ix := v.ix
	if m := ix.memberAt(off); m != nil && m.fn != nil {
		n := m.node.Name
		r, ok := v.rangeOf(n.Start, n.End)
		return s.markup(apiDoc(m.fn), r, ok), nil
	}
	o := ix.occurrenceAt(off)
	if o == nil {
		return s.fieldHover(v, off), nil
	}
	sym := o.sym
	val := ix.valueAt(o)
	if s.companion() && !isBufferValue(val) {
		return nil, nil // a plain symbol: the other server hovers it
	}
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
	if d := val.Describe(); d != "" {
		b.WriteString(": ")
		b.WriteString(d)
	}
	b.WriteString("\n```")
	if val.t.Stale {
		b.WriteString("\n\nStale: its buffer changed after it was taken")
		if val.t.StaleBy != nil {
			// The line in the text the client has now: the analyzer's
			// line, moved by as many lines as the edits since added.
			at := val.t.StaleBy.Start
			if p, ok := v.positionOf(at); ok {
				line, _ := ix.file.Lines.Position(at)
				line += int(p.Line) - int(v.base.Mapper.OffsetPosition(at).Line)
				b.WriteString(" (by the call on line " + itoa(line) + ")")
			}
		}
		b.WriteString("; take it again before use.")
	}
	switch val.t.Kind {
	case semantic.View:
		b.WriteString("\n\nA view shares memory with its source: a change to either is seen by both. `:clone()` it to keep a copy.")
	case semantic.Pointer:
		b.WriteString("\n\nA pointer into the buffer's memory; it is valid only until the buffer is next changed.")
	case semantic.LBuf:
		b.WriteString("\n\nA Luau buffer: fixed size, offsets start at 0.")
	}
	r, ok := v.rangeOf(o.start, o.end)
	return s.markup(b.String(), r, ok), nil
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
	if f.Experimental != "" {
		notes = append(notes, "experimental in Luau: registered only while the fast flag `"+f.Experimental+"` is on (the default); it may change")
	}
	if len(notes) > 0 {
		b.WriteString("\n_" + strings.Join(notes, "; ") + "_\n")
	}
	return b.String()
}

// markup wraps markdown for the client, falling back to plain text for
// clients that do not render markdown. The range is sent when inText says it
// has a counterpart in the client's text.
func (s *Server) markup(md string, r protocol.Range, inText bool) *protocol.Hover {
	s.mu.Lock()
	markdown := s.client.markdown
	s.mu.Unlock()
	kind := protocol.Markdown
	if !markdown {
		kind = protocol.PlainText
	}
	h := &protocol.Hover{Contents: protocol.MarkupContent{Kind: kind, Value: md}}
	if inText {
		h.Range = &r
	}
	return h
}

// fieldHover describes the field whose name is at off (o.buf, self.out)
// when the analyzer knows it holds a buffer or a buffer library, as it
// does for fields set in constructors, by other modules' constructors
// and in table constructors; nil otherwise.
func (s *Server) fieldHover(v *view, off int) *protocol.Hover {
	ix := v.ix
	if ix.types == nil || ix.file == nil || ix.file.Chunk == nil {
		return nil
	}
	var found *syntax.Member
	syntax.Inspect(ix.file.Chunk, func(n syntax.Node) bool {
		if found != nil || n == nil {
			return false
		}
		if start, end := n.Span(); off < start || off > end {
			return false
		}
		if m, ok := n.(*syntax.Member); ok && m.Name != nil && m.Name.Start <= off && off <= m.Name.End && m.Name.Value != "" {
			found = m
			return false
		}
		return true
	})
	if found == nil {
		return nil
	}
	val := value{t: ix.types.TypeOf(found)}
	switch val.t.Kind {
	case semantic.SBuf, semantic.View, semantic.LBuf, semantic.SBufModule, semantic.LuauLib:
	default:
		return nil
	}
	r, ok := v.rangeOf(found.Name.Start, found.Name.End)
	return s.markup("```lua\n(field) "+found.Name.Value+": "+val.Describe()+"\n```", r, ok)
}
