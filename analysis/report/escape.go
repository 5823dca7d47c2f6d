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
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 && r != '\t' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r >= 0x80 && r <= 0x9f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
