package lsp

// This file answers textDocument/completion and completionItem/resolve.
// After "x:" or "x." whose receiver is a known buffer value or library, the
// items are that API's members (methods of the buffer kind, functions of
// string.buffer or of Luau's buffer library); elsewhere they are the locals in
// scope, the globals the file uses and Lua's standard globals. API items
// insert a snippet with placeholders for the required parameters when the
// client supports snippets; their documentation is filled in on resolve.

import (
	"context"
	"encoding/json"
	"sort"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// completionData travels in CompletionItem.data from completion to resolve.
type completionData struct {
	Owner api.Owner `json:"owner"`
	Name  string    `json:"name"`
}

// luaGlobals are offered outside member access.
var luaGlobals = []string{
	"assert", "collectgarbage", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
	"print", "rawequal", "rawget", "rawlen", "rawset", "require", "select", "setmetatable",
	"tonumber", "tostring", "type", "xpcall", "string", "table", "math", "io", "os", "coroutine", "debug",
}

func (s *Server) completion(ctx context.Context, p *protocol.CompletionParams) (*protocol.CompletionList, error) {
	snap, off, err := s.at(p.TextDocumentPositionParams)
	if err != nil {
		return nil, err
	}
	// The context (the word typed so far, the operator before it) comes
	// from the current text; what the names mean, from the analysis.
	src := snap.Content
	start := off
	for start > 0 && isIdentByte(src[start-1]) {
		start--
	}
	prefix := string(src[start:off])
	list := &protocol.CompletionList{Items: []protocol.CompletionItem{}}
	if start > 0 && (src[start-1] == '.' || src[start-1] == ':') {
		v, at, err := memberView(ctx, snap, start-1)
		if err != nil {
			return nil, err
		}
		if quietIn(v, off) {
			return list, nil
		}
		list.Items = s.memberItems(v.ix, at, src[start-1], prefix)
		return list, nil
	}
	v, boff, err := tokenView(ctx, snap, off)
	if err != nil {
		return nil, err
	}
	if v.stale() {
		if _, known := quietAt(v, off); !known {
			if v, err = currentView(ctx, snap); err != nil {
				return nil, err
			}
			boff = off
		}
	}
	if quietIn(v, off) || s.companion() {
		// Plain names are the other server's business in companion mode.
		return list, nil
	}
	list.Items = s.scopeItems(v.ix, boff, prefix)
	return list, nil
}

// quietIn reports whether off (in the current text) is inside a comment or
// a string, where completion offers nothing.
func quietIn(v *view, off int) bool {
	if !v.stale() {
		return inComment(v.ix.file, off) || v.ix.inString(off)
	}
	q, _ := quietAt(v, off)
	return q
}

// receiver is where, in a view's text, completion after "x." or "x:" looks
// for the value of x: the member access whose operator is at op (-1 when
// the operator is not in that text), else the name written before it,
// resolved at nameEnd.
type receiver struct {
	op      int
	name    string
	nameEnd int
}

// memberView returns the view completion after the operator at op (in the
// current text) reads, and where the receiver is in it. The newest
// completed analysis serves when it has the receiver's name (or, for other
// receivers, the operator) unchanged and the line's context is known;
// otherwise the current version is waited for.
func memberView(ctx context.Context, snap *Snapshot, op int) (*view, receiver, error) {
	src := snap.Content
	i := op
	for i > 0 && isIdentByte(src[i-1]) {
		i--
	}
	name := string(src[i:op])
	if v := completedView(snap); v != nil && v.stale() {
		if _, known := quietAt(v, op+1); known {
			bop := -1
			if bs, _, ok := v.m.toBaseSpan(op, op+1); ok && bs < len(v.base.Content) && v.base.Content[bs] == src[op] {
				bop = bs
			}
			switch {
			case i < op:
				if _, be, ok := v.mapToken(i, op); ok {
					return v, receiver{op: bop, name: name, nameEnd: be}, nil
				}
			case bop >= 0:
				return v, receiver{op: bop, nameEnd: bop}, nil
			}
		}
	}
	v, err := currentView(ctx, snap)
	return v, receiver{op: op, name: name, nameEnd: op}, err
}

// memberItems completes after the operator opByte ('.' or ':') whose
// receiver is at r.
func (s *Server) memberItems(ix *index, r receiver, opByte byte, prefix string) []protocol.CompletionItem {
	var recv value
	if r.op >= 0 {
		if m := ix.memberAfterOp(r.op); m != nil {
			recv = m.recv()
		}
	}
	if !recv.known() && r.name != "" {
		// The parser may not have produced a member node for incomplete
		// code: resolve the name written before the operator.
		if sym := ix.lookupAt(r.name, r.nameEnd); sym != nil {
			recv = sym.val
		}
	}
	owner := recv.owner()
	colon := opByte == ':'
	if owner == 0 || colon != (owner == api.Method) {
		return []protocol.CompletionItem{}
	}
	s.mu.Lock()
	snippets := s.client.snippets
	s.mu.Unlock()
	items := []protocol.CompletionItem{}
	for _, f := range ix.apiMembers(s.an.api, owner) {
		if !strings.HasPrefix(f.Name, prefix) {
			continue
		}
		kind := protocol.CompletionItemKindFunction
		if owner == api.Method {
			kind = protocol.CompletionItemKindMethod
		}
		item := protocol.CompletionItem{
			Label:      f.Name,
			Kind:       kind,
			Detail:     f.Signature(),
			InsertText: f.Name,
			Data:       completionData{Owner: owner, Name: f.Name},
		}
		if snippets {
			item.InsertText = snippetFor(f)
			item.InsertTextFormat = protocol.InsertTextFormatSnippet
		}
		items = append(items, item)
	}
	return items
}

// apiMembers lists the API entries of owner available for the file's target.
func (ix *index) apiMembers(t *api.Table, owner api.Owner) []*api.Func {
	return t.Members(owner, ix.target == syntax.TargetBuflsp)
}

// snippetFor builds "name(${1:a}, ${2:b})$0" for the required parameters.
func snippetFor(f *api.Func) string {
	var b strings.Builder
	b.WriteString(f.Name)
	b.WriteByte('(')
	if f.MinArgs() == 0 && (len(f.Params) > 0 || f.Variadic != nil) {
		// Only optional arguments: leave the cursor between the parentheses.
		b.WriteString("$1)$0")
		return b.String()
	}
	for i := 0; i < f.MinArgs(); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("${" + itoa(i+1) + ":" + snippetEscape(f.Params[i].Name) + "}")
	}
	b.WriteString(")$0")
	return b.String()
}

func snippetEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `$`, `\$`, `}`, `\}`).Replace(s)
}

// scopeItems completes a plain name.
func (s *Server) scopeItems(ix *index, off int, prefix string) []protocol.CompletionItem {
	items := []protocol.CompletionItem{}
	seen := map[string]bool{}
	add := func(name string, kind protocol.CompletionItemKind, detail string, sort string) {
		if seen[name] || !strings.HasPrefix(name, prefix) {
			return
		}
		seen[name] = true
		items = append(items, protocol.CompletionItem{Label: name, Kind: kind, Detail: detail, SortText: sort + name})
	}
	// The word being typed is itself an occurrence of a name: a global
	// read of "gre" while typing "greet", or a local being declared. A
	// symbol seen only there is never offered back.
	wordStart := off - len(prefix)
	onlyTyped := func(sym *symbol) bool {
		for _, r := range sym.refs {
			if r.start != wordStart {
				return false
			}
		}
		return true
	}
	for _, sym := range ix.visible(off) {
		if onlyTyped(sym) {
			continue
		}
		kind := protocol.CompletionItemKindVariable
		if sym.kind == symFunction {
			kind = protocol.CompletionItemKindFunction
		}
		add(sym.name, kind, detailOf(sym), "0")
	}
	// Globals: those the file assigns, and those the configuration
	// declares ("globals" in .buflsp.toml or the settings). A global that
	// is only read, and never assigned here, is most often a typo.
	for _, name := range ix.globalNames() {
		if g := ix.global(name); g.assigned && !onlyTyped(g) {
			add(name, protocol.CompletionItemKindVariable, detailOf(g), "1")
		}
	}
	for _, name := range s.config().Globals {
		add(name, protocol.CompletionItemKindVariable, "global (configured)", "1")
	}
	if ix.target.HasLuauBuffer() {
		add("buffer", protocol.CompletionItemKindModule, "Luau buffer library", "1")
	}
	for _, name := range luaGlobals {
		add(name, protocol.CompletionItemKindFunction, "Lua standard library", "2")
	}
	return items
}

func detailOf(sym *symbol) string {
	if d := sym.val.Describe(); d != "" {
		return d
	}
	switch sym.kind {
	case symGlobal:
		return "global"
	case symParam:
		return "parameter"
	case symFunction:
		return "local function"
	}
	return "local"
}

func (s *Server) completionResolve(ctx context.Context, item *protocol.CompletionItem) (*protocol.CompletionItem, error) {
	raw, err := json.Marshal(item.Data)
	if err != nil {
		return item, nil
	}
	var d completionData
	if json.Unmarshal(raw, &d) != nil || d.Name == "" {
		return item, nil
	}
	if f, ok := s.an.api.Lookup(d.Owner, d.Name); ok {
		item.Documentation = protocol.MarkupContent{Kind: protocol.Markdown, Value: apiDoc(f)}
	}
	return item, nil
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// inComment reports whether off lies inside a comment.
func inComment(f *syntax.File, off int) bool {
	if f == nil {
		return false
	}
	i := sort.Search(len(f.Comments), func(i int) bool { return f.Comments[i].End >= off })
	return i < len(f.Comments) && f.Comments[i].Start < off && off <= f.Comments[i].End
}
