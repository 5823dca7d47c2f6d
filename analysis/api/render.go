package api

import (
	"fmt"
	"strings"
)

// Signature renders a one-line signature in LuaCATS style, e.g.
// "buffer.readu8(b: buffer, offset: integer): number". Optional parameters
// carry a "?" after their name.
func (f *Func) Signature() string {
	var b strings.Builder
	b.WriteString(f.Qualified())
	b.WriteByte('(')
	for i, label := range f.ParamLabels() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(label)
	}
	b.WriteByte(')')
	if r := f.resultText(); r != "" {
		b.WriteString(": ")
		b.WriteString(r)
	}
	return b.String()
}

// ParamLabels returns the text of each parameter as it appears in Signature,
// so that signature help can highlight the active one.
func (f *Func) ParamLabels() []string {
	labels := make([]string, 0, len(f.Params)+1)
	for _, p := range f.Params {
		labels = append(labels, paramText(p))
	}
	if f.Variadic != nil {
		labels = append(labels, "...: "+f.Variadic.Type.String())
	}
	return labels
}

func paramText(p Param) string {
	name := p.Name
	if p.Optional {
		name += "?"
	}
	return name + ": " + p.Type.String()
}

func (f *Func) resultText() string {
	if f.Chains {
		return "string.buffer"
	}
	if len(f.Results) == 0 {
		return ""
	}
	parts := make([]string, len(f.Results))
	for i, r := range f.Results {
		t := r.Type.String()
		if r.Optional {
			t += "?"
		}
		parts[i] = t
		if r.Name != "" {
			parts[i] = r.Name + ": " + t
		}
	}
	s := strings.Join(parts, ", ")
	if f.VariadicResults {
		s += ", ..."
	}
	return s
}

// Markdown renders the entry for hover and completion documentation: the
// signature in a Lua code block, the description, the parameters, availability
// notes and the example.
func (f *Func) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "```lua\n%s\n```\n\n%s\n", f.Signature(), f.Doc)
	if len(f.Params) > 0 || f.Variadic != nil {
		b.WriteString("\nParameters:\n")
		for _, p := range f.Params {
			fmt.Fprintf(&b, "- `%s`", paramText(p))
			if p.Doc != "" {
				fmt.Fprintf(&b, ": %s", p.Doc)
			}
			b.WriteByte('\n')
		}
		if v := f.Variadic; v != nil {
			fmt.Fprintf(&b, "- `...: %s`", v.Type)
			if v.Doc != "" {
				fmt.Fprintf(&b, ": %s", v.Doc)
			}
			b.WriteByte('\n')
		}
	}
	switch {
	case f.Extension:
		b.WriteString("\n*buflsp extension: available only when the target is `buflsp`.*\n")
	case f.FFI:
		b.WriteString("\n*Needs a LuaJIT build with the FFI.*\n")
	case f.Experimental != "":
		fmt.Fprintf(&b, "\n*Experimental: Luau registers it only while the fast flag `%s` is on (the default in current releases); "+
			"it may change or go away.*\n", f.Experimental)
	}
	if f.Example != "" {
		fmt.Fprintf(&b, "\nExample:\n```lua\n%s\n```\n", f.Example)
	}
	return b.String()
}
