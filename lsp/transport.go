package lsp

// This file frames JSON-RPC messages on a byte stream the way LSP's base
// protocol does: a block of "Name: value" header lines, an empty line, then
// Content-Length bytes of JSON. jsonrpc2's own stream gives up on the whole
// connection when one body fails to decode; the server must instead answer a
// malformed message with a JSON-RPC error and go on, so framing and decoding
// are kept apart here.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// maxMessageSize bounds one message body. A length prefix is never trusted:
// a larger body is skipped and answered with an error rather than allocated.
// 64 MiB holds the JSON of any source file the server reads (the file size
// cap, DefaultMaxFileSize, is 32 MiB, and escaping rarely doubles a file).
const maxMessageSize = 64 << 20

// maxHeaderLine bounds one header line, so that a stream without newlines
// cannot grow the reader without limit.
const maxHeaderLine = 4096

// errTooLarge reports a body that was skipped because of its size.
var errTooLarge = errors.New("message too large")

// frameReader reads the bodies of base-protocol frames.
type frameReader struct {
	in  *bufio.Reader
	max int // the largest body accepted (maxMessageSize; smaller in tests)
}

func newFrameReader(r io.Reader) *frameReader {
	return &frameReader{in: bufio.NewReaderSize(r, 64<<10), max: maxMessageSize}
}

// Read returns the next body. An error wrapping errTooLarge leaves the stream
// usable (the body was consumed); any other error means the stream cannot be
// resynchronised and the connection must end.
func (f *frameReader) Read() ([]byte, error) {
	length := -1
	for {
		line, err := f.readLine()
		if err != nil {
			return nil, err
		}
		if line == "" {
			if length < 0 {
				// Some clients send stray blank lines between frames; skip
				// them rather than failing.
				continue
			}
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("header line %q: expected \"Name: value\"", line)
		}
		if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			n, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64)
			if err != nil || n < 0 {
				return nil, fmt.Errorf("Content-Length %q: expected a non-negative integer", value)
			}
			length = int(min(n, int64(1)<<40))
		}
	}
	if length > f.max {
		if _, err := io.CopyN(io.Discard, f.in, int64(length)); err != nil {
			return nil, fmt.Errorf("skipping oversized body: %w", err)
		}
		return nil, fmt.Errorf("%w: %d bytes (the limit is %d)", errTooLarge, length, f.max)
	}
	// The body grows as bytes arrive rather than being allocated from the
	// header's claim, so a lying Content-Length costs nothing.
	var body bytes.Buffer
	body.Grow(min(length, 64<<10))
	if n, err := io.CopyN(&body, f.in, int64(length)); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("reading %d-byte body (got %d): %w", length, n, err)
	}
	return body.Bytes(), nil
}

// readLine reads one header line without its terminator.
func (f *frameReader) readLine() (string, error) {
	var b strings.Builder
	for {
		chunk, err := f.in.ReadSlice('\n')
		b.Write(chunk)
		if b.Len() > maxHeaderLine {
			return "", fmt.Errorf("header line longer than %d bytes", maxHeaderLine)
		}
		if err == nil {
			break
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			if err == io.EOF && b.Len() == 0 {
				return "", io.EOF
			}
			return "", fmt.Errorf("reading header: %w", err)
		}
	}
	return strings.TrimRight(b.String(), "\r\n"), nil
}

// frameWriter writes whole frames; it is safe for concurrent use.
type frameWriter struct {
	mu  sync.Mutex
	out io.Writer
}

// Write marshals v and writes it as one frame.
func (f *frameWriter) Write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding message: %w", err)
	}
	return f.WriteRaw(body)
}

// WriteRaw writes an already encoded body as one frame.
func (f *frameWriter) WriteRaw(body []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := fmt.Fprintf(f.out, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return fmt.Errorf("writing header: %w", err)
	}
	if _, err := f.out.Write(body); err != nil {
		return fmt.Errorf("writing body: %w", err)
	}
	return nil
}
