package syntax

import (
	"sort"
	"strings"
)

// This file finds the comments that belong to a node: the block of comment
// lines directly above a statement, where documentation and annotations live.

// LeadingComments returns the comments directly above the node starting at
// start: a run of comments, each separated from the next (and the last from
// the node) by whitespace holding at most one line break. A blank line ends
// the run, as does code.
func (f *File) LeadingComments(start int) []*Comment {
	i := sort.Search(len(f.Comments), func(i int) bool { return f.Comments[i].End > start })
	end := start
	first := i
	for j := i - 1; j >= 0; j-- {
		c := f.Comments[j]
		if c.End > end || !onlySpace(f.Src[c.End:end], 1) {
			break
		}
		first, end = j, c.Start
	}
	if first == i {
		return nil
	}
	// A comment that shares its line with code before it is a trailing
	// comment of that code, not documentation of this node.
	ls := f.Lines.LineStart(f.Lines.Line(f.Comments[first].Start))
	for first < i && strings.TrimSpace(string(f.Src[ls:f.Comments[first].Start])) != "" {
		first++
		if first < i {
			ls = f.Lines.LineStart(f.Lines.Line(f.Comments[first].Start))
		}
	}
	return f.Comments[first:i]
}

// onlySpace reports whether b is whitespace with at most maxBreaks line
// breaks.
func onlySpace(b []byte, maxBreaks int) bool {
	breaks := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case ' ', '\t', '\v', '\f':
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			breaks++
		case '\n':
			breaks++
		default:
			return false
		}
	}
	return breaks <= maxBreaks
}

// Content returns the text of a comment without its "--" and long
// brackets, e.g. "-@param x number" for "---@param x number".
func (c *Comment) Content() string {
	s := strings.TrimPrefix(c.Text, "--")
	if c.Long {
		i := strings.IndexByte(s[1:], '[')
		s = s[i+2:]
		if j := strings.LastIndexByte(s, ']'); j >= 0 {
			k := strings.LastIndexByte(s[:j], ']')
			if k >= 0 {
				s = s[:k]
			}
		}
	}
	return s
}
