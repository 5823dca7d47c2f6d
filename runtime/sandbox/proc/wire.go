package proc

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/buflsp/buflsp/runtime/sandbox"
)

// Spec is everything an evaluation needs apart from its source, in a form
// that crosses a process boundary (sandbox.Options holds Go functions, which
// do not). Zero fields take the sandbox defaults.
type Spec struct {
	ChunkName string        `json:"chunk,omitempty"`
	Timeout   time.Duration `json:"timeoutNs,omitempty"`
	MaxMemory int64         `json:"maxMemory,omitempty"`
	MaxOutput int           `json:"maxOutput,omitempty"`
	// Target names the dialect of the source ("luau" is lowered first); the
	// child's Builder turns it into sandbox options.
	Target string `json:"target,omitempty"`
	// Inline asks for sandbox.Options.Inline ("--=" values).
	Inline bool `json:"inline,omitempty"`
}

// withDefaults fills the limits the parent needs to know (deadline and
// memory cap) with the sandbox defaults.
func (s Spec) withDefaults() Spec {
	if s.Timeout <= 0 {
		s.Timeout = sandbox.DefaultTimeout
	}
	if s.MaxMemory <= 0 {
		s.MaxMemory = sandbox.DefaultMaxMemory
	}
	if s.MaxOutput <= 0 {
		s.MaxOutput = sandbox.DefaultMaxOutput
	}
	return s
}

// Builder turns a Spec into sandbox options. It is supplied by the command
// that embeds the child, because lowering Luau belongs to the analyzer,
// which the runtime does not import.
type Builder func(Spec) sandbox.Options

// request is the one message a child reads.
type request struct {
	Spec Spec   `json:"spec"`
	Src  []byte `json:"src"`
}

// response is the one message a child writes: the sandbox result with the
// fields that the JSON of `eval --json` leaves out.
type response struct {
	Result *sandbox.Result       `json:"result"`
	Inline []sandbox.InlineValue `json:"inline,omitempty"`
}

// maxFrame bounds what one side accepts from the other, so that a confused
// peer cannot make it allocate without limit.
const maxFrame = 1 << 30

func writeFrame(w io.Writer, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode message: %w", err)
	}
	msg := make([]byte, 4+len(body))
	binary.BigEndian.PutUint32(msg, uint32(len(body)))
	copy(msg[4:], body)
	_, err = w.Write(msg)
	return err
}

// readFrame reads one message into v; limit caps its length.
func readFrame(r io.Reader, v any, limit int) error {
	var head [4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(head[:])
	if int64(n) > int64(limit) {
		return fmt.Errorf("message of %d bytes is over the limit of %d", n, limit)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return fmt.Errorf("message cut short: %w", err)
	}
	return json.Unmarshal(body, v)
}
