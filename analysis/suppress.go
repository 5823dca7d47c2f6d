package analysis

import (
	"fmt"
	"strings"

	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// This file reads the ---@diagnostic comments that lua-language-server users
// already know:
//
//	---@diagnostic disable-next-line: name[, name]  the line after the comment
//	---@diagnostic disable-line: name               the comment's own line
//	---@diagnostic disable: name                    from here to a matching enable
//	---@diagnostic enable: name
//
// Without names an action applies to every rule. syntax-error is never
// suppressed. A name that is not a rule is reported as unknown-rule.

// allRules stands for "every rule" in a suppression without names.
const allRules = "*"

// lineSuppression silences rules on one line.
type lineSuppression struct {
	line  int
	names map[string]bool
}

// rangeSuppression silences a rule from one offset up to another.
type rangeSuppression struct {
	name       string
	start, end int
}

type suppressions struct {
	lines    map[int][]lineSuppression
	ranges   []rangeSuppression
	problems []Diagnostic
	lt       *syntax.LineTable
}

func (s *suppressions) suppressed(d Diagnostic) bool {
	line, _ := s.lt.Position(d.Start)
	for _, ls := range s.lines[line] {
		if ls.names[d.Rule] || ls.names[allRules] {
			return true
		}
	}
	for _, r := range s.ranges {
		if (r.name == d.Rule || r.name == allRules) && d.Start >= r.start && d.Start < r.end {
			return true
		}
	}
	return false
}

func parseSuppressions(file *syntax.File, reg *rules.Registry) *suppressions {
	s := &suppressions{lines: map[int][]lineSuppression{}, lt: file.Lines}
	open := map[string]int{} // rule name -> start offset of an open disable
	for _, c := range file.Comments {
		if c.Start < 0 || c.End > len(file.Src) || c.Start >= c.End {
			continue
		}
		raw := string(file.Src[c.Start:c.End])
		const marker = "---@diagnostic"
		if !strings.HasPrefix(raw, marker) {
			continue
		}
		body := raw[len(marker):]
		bodyOff := c.Start + len(marker)
		action, list, _ := strings.Cut(body, ":")
		lead := len(action) - len(strings.TrimLeft(action, " \t"))
		actionStart := bodyOff + lead
		action = strings.TrimSpace(action)
		names := s.names(list, bodyOff+len(body)-len(list), reg)
		line, _ := file.Lines.Position(c.Start)
		switch action {
		case "disable-next-line":
			s.lines[line+1] = append(s.lines[line+1], lineSuppression{line: line + 1, names: set(names)})
		case "disable-line":
			s.lines[line] = append(s.lines[line], lineSuppression{line: line, names: set(names)})
		case "disable":
			for _, n := range names {
				if _, ok := open[n]; !ok {
					open[n] = c.Start
				}
			}
		case "enable":
			for _, n := range names {
				if start, ok := open[n]; ok {
					s.ranges = append(s.ranges, rangeSuppression{name: n, start: start, end: c.Start})
					delete(open, n)
				}
			}
		default:
			s.problems = append(s.problems, Diagnostic{
				Rule: rules.UnknownRule, Severity: SeverityWarning,
				Start: actionStart, End: actionStart + len(action),
				Message: fmt.Sprintf("unknown ---@diagnostic action %q (expected disable-next-line, disable-line, disable or enable)", action),
			})
		}
	}
	for n, start := range open {
		s.ranges = append(s.ranges, rangeSuppression{name: n, start: start, end: len(file.Src) + 1})
	}
	return s
}

// names splits "a, b" and checks each name, reporting unknown ones at their
// exact offset. An empty list means every rule.
func (s *suppressions) names(list string, off int, reg *rules.Registry) []string {
	var out []string
	pos := 0
	for _, part := range strings.Split(list, ",") {
		name := strings.TrimSpace(part)
		start := off + pos + strings.Index(part, name)
		pos += len(part) + 1
		if name == "" {
			continue
		}
		if _, ok := reg.Lookup(name); !ok {
			if rules.LuaLS(name) {
				// The comment is meant for lua-language-server, which
				// shares this syntax; it is not a misspelt buflsp rule.
				continue
			}
			msg := fmt.Sprintf("unknown rule %q in ---@diagnostic comment", name)
			if near := reg.Nearest(name); near != "" {
				msg += fmt.Sprintf("; did you mean %q?", near)
			}
			s.problems = append(s.problems, Diagnostic{Rule: rules.UnknownRule, Severity: SeverityWarning, Start: start, End: start + len(name), Message: msg})
			continue
		}
		out = append(out, name)
	}
	if len(out) == 0 && strings.TrimSpace(list) == "" {
		out = []string{allRules}
	}
	return out
}

func set(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
