package lsp

// This file checks the shape of a message body before any JSON decoder sees
// it. The decoders recurse once per nesting level: a body of two million
// '[' overflowed the Go stack (a fatal error, not a panic) and one million
// cost 775 MiB, even before initialize. One pass over the raw bytes, with
// no allocation, rejects such a body instead.

import "fmt"

// maxJSONDepth bounds the nesting of arrays and objects in one message.
// Real LSP messages nest about ten levels (capabilities, workspace edits);
// settings sent by a client rarely more than a few more.
const maxJSONDepth = 128

// checkJSONDepth reports an error when body nests arrays and objects more
// than maxJSONDepth deep. Brackets inside strings do not count. It does
// not validate the JSON otherwise: the decoder does that afterwards.
func checkJSONDepth(body []byte) error {
	depth := 0
	inString, escaped := false, false
	for i, c := range body {
		if inString {
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			depth++
			if depth > maxJSONDepth {
				return fmt.Errorf("message nests arrays and objects more than %d levels deep (at byte %d); the limit is %d", maxJSONDepth, i, maxJSONDepth)
			}
		case ']', '}':
			depth--
		}
	}
	return nil
}
