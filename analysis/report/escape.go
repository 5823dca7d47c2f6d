package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// terminalSafe returns s with every byte a terminal could act on written
// as a visible escape: C0 controls but tab (\x1b starts the sequences that
// clear the screen, set the window title or rewrite what was printed),
// DEL, the C1 controls U+0080..U+009F (U+009B is a one-byte CSI) and bytes
// that are not UTF-8. Source text, messages quoting it and file names all
// pass through here before text output; the colours buflsp adds are
// written around it.
func terminalSafe(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c >= 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case !controlRune(r, size):
			b.WriteString(s[i : i+size])
		case r == utf8.RuneError:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r >= 0x80:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\x%02x`, r)
		}
		i += size
	}
	return b.String()
}

// controlRune reports whether r, decoded from size bytes, is one that a
// terminal or a log reader could act on: a C0 control but tab, DEL, a C1
// control (U+0080..U+009F) or a byte that is not UTF-8. Text output and
// GitHub workflow commands both encode these.
func controlRune(r rune, size int) bool {
	return r == utf8.RuneError && size == 1 || r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f
}
