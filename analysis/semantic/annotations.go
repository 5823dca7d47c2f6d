package semantic

import (
	"sort"
	"strings"

	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file reads LuaCATS annotations, the "---@tag ..." comments that
// lua-language-server defined and Lua users already write, and attaches
// those written above a statement to it.

// Annotation is one ---@ line. Offsets are byte offsets into the file.
type Annotation struct {
	syntax.Range
	Tag  string // "type", "param", "return", "class", "field", "alias", "diagnostic", ...
	Name string // param, field, class or alias name; diagnostic action
	// Type is the type text (e.g. "string.buffer", "fun(x: number): string");
	// TypeStart and TypeEnd locate it.
	Type               string
	TypeStart, TypeEnd int
	Parent             string   // @class Name: Parent
	Optional           bool     // @param name? type
	Names              []string // @diagnostic rule names
	Desc               string   // trailing description
}

// Doc is the set of annotations above one statement.
type Doc struct {
	Notes []*Annotation
}

// Find returns the first annotation with the tag (and name, if non-empty).
func (d *Doc) Find(tag, name string) *Annotation {
	if d == nil {
		return nil
	}
	for _, a := range d.Notes {
		if a.Tag == tag && (name == "" || a.Name == name) {
			return a
		}
	}
	return nil
}

// Params returns the @param annotations in order.
func (d *Doc) Params() []*Annotation { return d.all("param") }

// Returns returns the @return annotations in order.
func (d *Doc) Returns() []*Annotation { return d.all("return") }

func (d *Doc) all(tag string) []*Annotation {
	if d == nil {
		return nil
	}
	var out []*Annotation
	for _, a := range d.Notes {
		if a.Tag == tag {
			out = append(out, a)
		}
	}
	return out
}

// docFor collects the annotations written directly above a statement.
// Comments and notes are both sorted by offset, so one search finds the
// first candidate note and the rest is a merge; a first pass counts the
// notes so that the list is allocated once.
func (m *Model) docFor(s syntax.Stmt) *Doc {
	start, _ := s.Span()
	comments := m.File.LeadingComments(start)
	if len(comments) == 0 {
		return nil
	}
	notes := m.Notes
	from := sort.Search(len(notes), func(i int) bool { return notes[i].Start >= comments[0].Start })
	each := func(f func(*Annotation)) {
		i := from
		for _, c := range comments {
			for i < len(notes) && notes[i].Start < c.Start {
				i++
			}
			for j := i; j < len(notes) && notes[j].Start < c.End; j++ {
				if notes[j].End <= c.End {
					f(notes[j])
				}
			}
		}
	}
	n := 0
	each(func(*Annotation) { n++ })
	if n == 0 {
		return nil
	}
	d := &Doc{Notes: make([]*Annotation, 0, n)}
	each(func(a *Annotation) { d.Notes = append(d.Notes, a) })
	m.Docs[s] = d
	return d
}

// parseAnnotations reads every "---@" line comment of the file. The
// annotations are counted first and filled in one array, instead of one
// allocation each and a growing list.
func parseAnnotations(f *syntax.File) []*Annotation {
	isNote := func(c *syntax.Comment) bool { return !c.Long && strings.HasPrefix(c.Text, "---@") }
	n := 0
	for _, c := range f.Comments {
		if isNote(c) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	chunk := make([]Annotation, n)
	out := make([]*Annotation, 0, n)
	for _, c := range f.Comments {
		if isNote(c) && parseAnnotation(&chunk[len(out)], c.Text, c.Start) {
			out = append(out, &chunk[len(out)])
		}
	}
	return out
}

// cursor walks the text of one annotation, keeping byte offsets.
type cursor struct {
	s    string
	i    int
	base int
}

func (c *cursor) space() {
	for c.i < len(c.s) && (c.s[c.i] == ' ' || c.s[c.i] == '\t') {
		c.i++
	}
}

// word reads a name-like token (letters, digits, '_', '.', '-', '?', '*').
func (c *cursor) word() string {
	c.space()
	start := c.i
	for c.i < len(c.s) {
		ch := c.s[c.i]
		if ch == '_' || ch == '.' || ch == '-' || ch == '?' || ch == '*' || ch >= '0' && ch <= '9' || ch|0x20 >= 'a' && ch|0x20 <= 'z' || ch >= 0x80 {
			c.i++
			continue
		}
		break
	}
	return c.s[start:c.i]
}

// typ reads a type expression: brackets nest, and '|' or ',' inside
// brackets may be surrounded by spaces; a space at depth zero ends it
// unless the next token continues a union.
func (c *cursor) typ() (text string, start, end int) {
	c.space()
	begin := c.i
	depth := 0
	for c.i < len(c.s) {
		ch := c.s[c.i]
		switch ch {
		case '(', '<', '{', '[':
			depth++
		case ')', '>', '}', ']':
			if depth > 0 {
				depth--
			}
		case '"', '\'':
			if j := strings.IndexByte(c.s[c.i+1:], ch); j >= 0 {
				c.i += j + 1
			}
		case ' ', '\t':
			if depth == 0 {
				rest := strings.TrimLeft(c.s[c.i:], " \t")
				prev := strings.TrimRight(c.s[begin:c.i], " \t")
				if strings.HasPrefix(rest, "|") || strings.HasSuffix(prev, "|") || strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, ",") {
					c.i++
					continue
				}
				return c.s[begin:c.i], c.base + begin, c.base + c.i
			}
		}
		if ch == '-' && c.i+1 < len(c.s) && c.s[c.i+1] == '>' {
			c.i++ // part of "->" in a function type, not a bracket
		}
		c.i++
	}
	text = strings.TrimRight(c.s[begin:c.i], " \t")
	return text, c.base + begin, c.base + begin + len(text)
}

func (c *cursor) rest() string {
	c.space()
	s := strings.TrimSpace(c.s[c.i:])
	s = strings.TrimPrefix(s, "@")
	s = strings.TrimPrefix(s, "#")
	return strings.TrimSpace(s)
}

// parseAnnotation fills a, which must be zero, from one "---@" comment and
// reports whether it is an annotation (a tag follows the "@"). When it is
// not, a may have been written and must be cleared before reuse.
func parseAnnotation(a *Annotation, text string, base int) bool {
	c := &cursor{s: text, i: 4, base: base}
	a.Range = syntax.Range{Start: base, End: base + len(text)}
	a.Tag = c.word()
	switch a.Tag {
	case "type":
		a.Type, a.TypeStart, a.TypeEnd = c.typ()
	case "param":
		a.Name = c.word()
		if strings.HasSuffix(a.Name, "?") {
			a.Name, a.Optional = strings.TrimSuffix(a.Name, "?"), true
		}
		a.Type, a.TypeStart, a.TypeEnd = c.typ()
	case "return":
		a.Type, a.TypeStart, a.TypeEnd = c.typ()
		save := c.i
		if w := c.word(); w != "" && !strings.HasPrefix(strings.TrimSpace(c.s[save:]), "@") {
			a.Name = w
		} else {
			c.i = save
		}
	case "class":
		a.Name = c.word()
		c.space()
		if c.i < len(c.s) && c.s[c.i] == ':' {
			c.i++
			a.Parent = c.word()
		}
	case "field":
		a.Name = c.word()
		if a.Name == "public" || a.Name == "private" || a.Name == "protected" || a.Name == "package" {
			a.Name = c.word()
		}
		if strings.HasSuffix(a.Name, "?") {
			a.Name, a.Optional = strings.TrimSuffix(a.Name, "?"), true
		}
		a.Type, a.TypeStart, a.TypeEnd = c.typ()
	case "alias":
		a.Name = c.word()
		a.Type, a.TypeStart, a.TypeEnd = c.typ()
	case "diagnostic":
		a.Name = c.word() // disable, enable, disable-next-line, disable-line
		c.space()
		if c.i < len(c.s) && c.s[c.i] == ':' {
			c.i++
			for _, n := range strings.Split(c.s[c.i:], ",") {
				if n = strings.TrimSpace(n); n != "" {
					a.Names = append(a.Names, n)
				}
			}
			c.i = len(c.s)
		}
	case "":
		*a = Annotation{}
		return false
	}
	a.Desc = c.rest()
	return true
}
