package buffer

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestFIFO(t *testing.T) {
	b := New(4)
	b.WriteString("hello")
	b.WriteByte(' ')
	b.Write([]byte("world"))
	if got := b.String(); got != "hello world" {
		t.Fatalf("String() = %q, want %q", got, "hello world")
	}
	if got := string(b.Next(6)); got != "hello " {
		t.Fatalf("Next(6) = %q", got)
	}
	if b.Len() != 5 {
		t.Fatalf("Len() = %d, want 5", b.Len())
	}
	if n := b.Skip(100); n != 5 || b.Len() != 0 {
		t.Fatalf("Skip(100) = %d, Len = %d", n, b.Len())
	}
	if got := b.Next(3); len(got) != 0 {
		t.Fatalf("Next on empty = %q", got)
	}
}

func TestConsumedSpaceIsRecycled(t *testing.T) {
	b := New(64)
	first := b.Cap()
	for i := 0; i < 1000; i++ {
		b.WriteString(strings.Repeat("x", 40))
		b.Skip(40)
	}
	if b.Cap() != first {
		t.Fatalf("capacity grew from %d to %d although the buffer never held more than 40 bytes", first, b.Cap())
	}
}

func TestSetIsCopyOnWrite(t *testing.T) {
	src := "abcdef"
	b := FromString(src)
	if b.String() != src || b.Cap() != len(src) {
		t.Fatalf("after Set: %q cap %d", b.String(), b.Cap())
	}
	b.Skip(2)
	b.WriteString("XY")
	if got := b.String(); got != "cdefXY" {
		t.Fatalf("after write: %q", got)
	}
	if src != "abcdef" {
		t.Fatalf("borrowed string was modified: %q", src)
	}
	if err := FromString("xyz").Fill(0, 3, '!'); err != nil {
		t.Fatal(err)
	}
}

func TestEditing(t *testing.T) {
	tests := []struct {
		name string
		give string
		edit func(b *Buffer) error
		want string
	}{
		{"insert middle", "hello", func(b *Buffer) error { return b.Insert(2, []byte("XX")) }, "heXXllo"},
		{"insert end", "ab", func(b *Buffer) error { return b.Insert(2, []byte("c")) }, "abc"},
		{"insert past end", "ab", func(b *Buffer) error { return b.Insert(3, []byte("c")) }, "error"},
		{"remove middle", "hello", func(b *Buffer) error { _, err := b.Remove(1, 3); return err }, "ho"},
		{"remove front", "hello", func(b *Buffer) error { _, err := b.Remove(0, 2); return err }, "llo"},
		{"remove clamps", "hello", func(b *Buffer) error { _, err := b.Remove(3, 99); return err }, "hel"},
		{"remove negative", "hello", func(b *Buffer) error { _, err := b.Remove(1, -1); return err }, "error"},
		{"replace inside", "hello", func(b *Buffer) error { return b.Replace(1, []byte("EL")) }, "hELlo"},
		{"replace extends", "hello", func(b *Buffer) error { return b.Replace(3, []byte("LOOO")) }, "helLOOO"},
		{"fill", "hello", func(b *Buffer) error { return b.Fill(1, 2, '.') }, "h..lo"},
		{"setlen shrink", "hello", func(b *Buffer) error { return b.SetLen(2) }, "he"},
		{"setlen grow", "hi", func(b *Buffer) error { return b.SetLen(4) }, "hi\x00\x00"},
		{"setlen negative", "hi", func(b *Buffer) error { return b.SetLen(-1) }, "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, borrowed := range []bool{false, true} {
				b := New(0)
				if borrowed {
					b = FromString(tt.give)
				} else {
					b.WriteString(tt.give)
				}
				err := tt.edit(b)
				got := b.String()
				if err != nil {
					got = "error"
				}
				if got != tt.want {
					t.Errorf("borrowed=%v: got %q, want %q", borrowed, got, tt.want)
				}
			}
		})
	}
}

func TestSearch(t *testing.T) {
	b := FromString("abcabc")
	if i := b.Index([]byte("bc"), 0); i != 1 {
		t.Errorf("Index = %d, want 1", i)
	}
	if i := b.Index([]byte("bc"), 2); i != 4 {
		t.Errorf("Index from 2 = %d, want 4", i)
	}
	if i := b.LastIndex([]byte("bc"), 5); i != 4 {
		t.Errorf("LastIndex = %d, want 4", i)
	}
	if i := b.LastIndex([]byte("bc"), 3); i != 1 {
		t.Errorf("LastIndex upto 3 = %d, want 1", i)
	}
	if i := b.Index([]byte("zz"), 0); i != -1 {
		t.Errorf("Index missing = %d, want -1", i)
	}
}

func TestViews(t *testing.T) {
	b := New(64)
	b.WriteString("0123456789")
	v, err := b.Slice(2, 5)
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "234" {
		t.Fatalf("view = %q", v.String())
	}
	// In-place edits are shared both ways.
	b.Fill(2, 1, 'X')
	if v.String() != "X34" {
		t.Fatalf("view after source fill = %q", v.String())
	}
	v.Fill(1, 1, 'Y')
	if b.String() != "01XY456789" {
		t.Fatalf("source after view fill = %q", b.String())
	}
	// Appending into spare capacity and consuming keep the view valid.
	b.WriteString("ab")
	b.Skip(1)
	if err := v.Valid(); err != nil || v.String() != "XY4" {
		t.Fatalf("view after append/skip: %v %q", err, v.String())
	}
	// A view that changes length detaches and no longer writes through.
	w, _ := b.Slice(0, 2)
	w.WriteString("!")
	if w.IsView() || b.String() != "1XY456789ab" || w.String() != "1X!" {
		t.Fatalf("detach: view=%v source=%q w=%q", w.IsView(), b.String(), w.String())
	}
	// Moving the source's bytes makes views stale.
	b.Insert(0, []byte("z"))
	if err := v.Valid(); !errors.Is(err, ErrStale) {
		t.Fatalf("view after insert: err = %v, want ErrStale", err)
	}
	if _, err := v.Slice(0, 1); !errors.Is(err, ErrStale) {
		t.Fatalf("slice of stale view: err = %v", err)
	}
	// Views of a borrowed string never expose the string's memory.
	s := "immutable"
	c := FromString(s)
	cv, _ := c.Slice(0, 2)
	cv.Fill(0, 2, '#')
	if s != "immutable" || c.String() != "##mutable" {
		t.Fatalf("borrowed slice: s=%q c=%q", s, c.String())
	}
	if _, err := b.Slice(3, 2); !errors.Is(err, ErrRange) {
		t.Fatalf("bad range: %v", err)
	}
}

func TestClone(t *testing.T) {
	b := FromString("abc")
	c := b.Clone()
	c.Fill(0, 1, 'X')
	if b.String() != "abc" || c.String() != "Xbc" {
		t.Fatalf("clone shares memory: %q %q", b.String(), c.String())
	}
}

func TestIO(t *testing.T) {
	var b Buffer
	n, err := b.ReadFrom(strings.NewReader(strings.Repeat("q", 100000)))
	if err != nil || n != 100000 || b.Len() != 100000 {
		t.Fatalf("ReadFrom = %d, %v, len %d", n, err, b.Len())
	}
	var out bytes.Buffer
	m, err := b.WriteTo(&out)
	if err != nil || m != 100000 || out.Len() != 100000 || b.Len() != 0 {
		t.Fatalf("WriteTo = %d, %v", m, err)
	}
	b.WriteString("xy")
	p := make([]byte, 1)
	if n, err := b.Read(p); n != 1 || err != nil || p[0] != 'x' {
		t.Fatalf("Read = %d %v %q", n, err, p)
	}
	b.Read(p)
	if _, err := b.Read(p); err != io.EOF {
		t.Fatalf("Read on empty: %v, want io.EOF", err)
	}
}

func TestReserveCommit(t *testing.T) {
	var b Buffer
	space, err := b.Reserve(10)
	if err != nil || len(space) < 10 {
		t.Fatalf("Reserve = %d, %v", len(space), err)
	}
	copy(space, "abc")
	if err := b.Commit(3); err != nil || b.String() != "abc" {
		t.Fatalf("Commit: %v %q", err, b.String())
	}
	if err := b.Commit(1 << 30); !errors.Is(err, ErrRange) {
		t.Fatalf("oversized Commit: %v", err)
	}
	if _, err := b.Reserve(-1); err == nil {
		t.Fatal("negative Reserve accepted")
	}
	if _, err := b.Reserve(MaxSize + 1); err == nil {
		t.Fatal("huge Reserve accepted")
	}
}

// AppendWith writes in place after the unread bytes, detaches borrowed
// strings and views first, leaves the buffer as it was on error, and makes
// views stale only when the storage moved.
func TestAppendWith(t *testing.T) {
	app := func(s string) func([]byte) ([]byte, error) {
		return func(dst []byte) ([]byte, error) { return append(dst, s...), nil }
	}
	src := "abcdef"
	b := FromString(src)
	b.Skip(2)
	if err := b.AppendWith(app("XY")); err != nil || b.String() != "cdefXY" || src != "abcdef" {
		t.Fatalf("borrowed: err %v, %q, source %q", err, b.String(), src)
	}

	b = New(64)
	b.WriteString("0123456789")
	b.Skip(4)
	v, err := b.Slice(0, 2)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.AppendWith(app("ab")); err != nil || b.String() != "456789ab" || v.Valid() != nil {
		t.Fatalf("in place: err %v, %q, view %v", err, b.String(), v.Valid())
	}
	boom := errors.New("boom")
	if err := b.AppendWith(func(dst []byte) ([]byte, error) { return append(dst, "zz"...), boom }); err != boom || b.String() != "456789ab" {
		t.Fatalf("failed append: err %v, %q", err, b.String())
	}
	if err := b.AppendWith(app(strings.Repeat("g", 100))); err != nil || b.String() != "456789ab"+strings.Repeat("g", 100) {
		t.Fatalf("grown: err %v, %q", err, b.String())
	}
	if v.Valid() == nil {
		t.Fatal("view still valid after the storage moved")
	}
}
