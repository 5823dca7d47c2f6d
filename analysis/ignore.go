package analysis

import (
	"path"
	"regexp"
	"strings"
)

// ignoreRule is one gitignore-style pattern compiled to a regular expression
// over slash-separated paths relative to the pattern's base directory.
type ignoreRule struct {
	base    string // absolute, slash-separated directory the pattern is relative to
	re      *regexp.Regexp
	negate  bool // a "!pattern" that re-includes
	dirOnly bool // a "pattern/" that matches only directories
}

// ignoreList is an ordered list of rules; later rules override earlier ones,
// as in .gitignore.
type ignoreList []ignoreRule

// compileIgnore turns patterns (config ignore entries or .gitignore lines)
// into rules relative to base. Blank lines and # comments are skipped.
func compileIgnore(base string, patterns []string) ignoreList {
	var out ignoreList
	for _, p := range patterns {
		p = strings.TrimRight(p, " \t\r")
		if p == "" || strings.HasPrefix(p, "#") {
			continue
		}
		r := ignoreRule{base: base}
		if strings.HasPrefix(p, "!") {
			r.negate = true
			p = p[1:]
		}
		if strings.HasSuffix(p, "/") {
			r.dirOnly = true
			p = strings.TrimRight(p, "/")
		}
		anchored := strings.Contains(p, "/")
		p = strings.TrimPrefix(p, "/")
		if p == "" {
			continue
		}
		expr := globToRegexp(p)
		if !anchored {
			// A pattern without a slash matches a name at any depth.
			expr = "(?:.*/)?" + expr
		}
		re, err := regexp.Compile("^" + expr + "$")
		if err != nil {
			continue
		}
		r.re = re
		out = append(out, r)
	}
	return out
}

// globToRegexp translates *, ?, [...] and ** into a regular expression.
func globToRegexp(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '*' && i+1 < len(p) && p[i+1] == '*':
			// "**/" matches zero or more directories; a trailing "**" everything.
			if i+2 < len(p) && p[i+2] == '/' {
				b.WriteString("(?:.*/)?")
				i += 2
			} else {
				b.WriteString(".*")
				i++
			}
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			j := strings.IndexByte(p[i:], ']')
			if j < 0 {
				b.WriteString(`\[`)
				continue
			}
			class := p[i+1 : i+j]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return b.String()
}

// match reports whether the absolute slash path p is ignored. Directories
// matching a pattern exclude everything below them, so callers check each
// directory as they walk into it.
func (l ignoreList) match(p string, isDir bool) bool {
	ignored := false
	for _, r := range l {
		rel, ok := relTo(r.base, p)
		if !ok || (r.dirOnly && !isDir) {
			continue
		}
		if r.re.MatchString(rel) {
			ignored = !r.negate
		}
	}
	return ignored
}

// relTo returns p relative to base when p is inside base.
func relTo(base, p string) (string, bool) {
	base = path.Clean(base)
	if base == "/" {
		return strings.TrimPrefix(p, "/"), true
	}
	if !strings.HasPrefix(p, base+"/") {
		return "", false
	}
	return p[len(base)+1:], true
}

// matchWithParents reports whether the absolute slash path of a file is
// ignored itself or lies in an ignored directory. The walker checks the
// directories as it descends; a file named on the command line (as the
// pre-commit hook passes them) has no walk, so its directories are checked
// here.
func (l ignoreList) matchWithParents(p string) bool {
	if l.match(p, false) {
		return true
	}
	for dir := path.Dir(p); dir != "/" && dir != "."; dir = path.Dir(dir) {
		if l.match(dir, true) {
			return true
		}
	}
	return false
}
