// Package buffer implements buflsp's mutable byte buffer and its Lua bindings.
//
// The Go type Buffer is a FIFO of bytes: writers append at the end, readers
// consume from the front, and the space freed by reading is recycled before the
// storage grows. A buffer can borrow an immutable string without copying it
// (Set) and copies the bytes only on its first write. Views made by Slice share
// memory with their source, so in-place edits on either side are visible on
// both; see view.go for the exact rules.
//
// The Lua side is the LuaJIT-compatible module require("string.buffer"), plus
// buflsp's editing extensions on the same objects (slice, insert, find, ...).
// Go host modules reach buffers through Push, Check, Test and To.
package buffer

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unsafe"

	"github.com/buflsp/buflsp/runtime/serial"
)

// MaxSize is the largest number of bytes a buffer may hold. It is LuaJIT's
// LJ_MAX_BUF, so size arguments are range-checked exactly as LuaJIT does.
const MaxSize = 0x7fffff00

// ErrTooLarge is returned when an operation would make a buffer larger than
// MaxSize.
var ErrTooLarge = errors.New("buffer too large")

// ErrStale is returned when a view is used after its source buffer moved or
// released the memory the view shares.
var ErrStale = errors.New("stale buffer view (its source buffer was reset, freed, compacted or reallocated)")

// ErrRange is returned for offsets or lengths outside the buffer's data.
var ErrRange = errors.New("offset out of range")

// Buffer is a growable FIFO of bytes. The zero value is an empty buffer ready
// to use. A Buffer is not safe for concurrent use.
type Buffer struct {
	// data[r:w] holds the unread bytes; data[w:cap(data)] is free space.
	data []byte
	r, w int
	// borrowed is set while data aliases an immutable string (Set): the
	// bytes must be copied before anything writes to them.
	borrowed bool
	// epoch changes whenever bytes that a view could share are moved,
	// released or may be overwritten by later appends.
	epoch uint64
	// version changes on every mutation; byte pointers (see Lua reserve/ref)
	// are valid only while it stays the same.
	version uint64
	// src is the buffer whose storage this view shares, nil for a buffer
	// that owns its storage; srcEpoch is src.epoch when the view was made.
	src      *Buffer
	srcEpoch uint64
	// opts holds the serializer dictionaries given to buffer.new.
	opts *serial.Options
	// viewed is set when Slice may have made a view of this buffer's
	// storage that is still valid (moved clears it: those views are stale).
	viewed bool
	// pointerAt is version+1 when a pointer into the storage (Lua reserve
	// or ref) was handed out at this version; such a pointer stays usable
	// until the next change.
	pointerAt uint64
	// spare is the capacity the storage had when ShareString gave it to a
	// string: the next write allocates that much again at once.
	spare int
}

// maxPrealloc caps the storage New allocates up front: the size is only a
// hint, and a script asking for 2 GB it never fills should not get it.
const maxPrealloc = 16 << 20

// New returns an empty buffer with room for size bytes (up to 16 MiB are
// allocated up front; the buffer grows on demand past that).
func New(size int) *Buffer {
	b := &Buffer{}
	if size > 0 {
		b.data = make([]byte, 0, min(size, maxPrealloc))
	}
	return b
}

// FromString returns a buffer that borrows s without copying it.
func FromString(s string) *Buffer {
	b := &Buffer{}
	b.Set(s)
	return b
}

// Len returns the number of unread bytes.
func (b *Buffer) Len() int { return b.w - b.r }

// Cap returns how many bytes the buffer can hold without reallocating.
func (b *Buffer) Cap() int {
	if b.borrowed {
		return b.Len()
	}
	return cap(b.data)
}

// Version returns a counter that changes on every mutation of the buffer.
// Code that keeps a borrowed slice can compare versions to detect that the
// slice may no longer reflect the buffer.
func (b *Buffer) Version() uint64 { return b.version }

// Valid reports whether the buffer can be used: it is false only for a view
// whose source moved the shared memory.
func (b *Buffer) Valid() error {
	if b.src != nil && b.src.epoch != b.srcEpoch {
		return ErrStale
	}
	return nil
}

// Bytes borrows the unread bytes without copying. The slice is valid until
// the next call that changes the buffer and must not be modified (it may
// alias an immutable string).
func (b *Buffer) Bytes() []byte { return b.data[b.r:b.w] }

// String returns a copy of the unread bytes.
func (b *Buffer) String() string { return string(b.data[b.r:b.w]) }

// minShare is the smallest content ShareString hands over instead of
// copying; below it a copy is cheap and keeps the storage reusable.
const minShare = 64 << 10

// ShareString returns the unread bytes as a string, like String, but
// without copying them when that is safe: the string then uses the
// buffer's storage, and the buffer treats that storage as a borrowed
// string from now on (the next write or in-place change copies first, as
// after Set). That is the common end of building a result: put or encode,
// then tostring, then reset. It copies when the content is small, when the
// storage is much larger than the content, when the buffer is a view or
// may have views, or when a pointer into it may still be in use.
func (b *Buffer) ShareString() string {
	n := b.Len()
	if n == 0 {
		return ""
	}
	if b.borrowed {
		// The bytes are an immutable string already.
		return unsafe.String(&b.data[b.r], n)
	}
	if n < minShare || 2*n < cap(b.data) || b.src != nil || b.viewed || b.pointerAt == b.version+1 {
		return b.String()
	}
	b.borrowed = true
	b.spare = cap(b.data)
	return unsafe.String(&b.data[b.r], n)
}

// immutable returns the unread bytes as a string without copying when
// they belong to an immutable string (Set, ShareString); ok is false when
// the buffer owns writable storage.
func (b *Buffer) immutable() (s string, ok bool) {
	if !b.borrowed || b.Len() == 0 {
		return "", false
	}
	return unsafe.String(&b.data[b.r], b.Len()), true
}

// handOut records that a pointer into the storage was given out at the
// current version.
func (b *Buffer) handOut() { b.pointerAt = b.version + 1 }

// Set drops the current contents and makes the buffer reference s without
// copying it. The first write copies the unread part into fresh storage.
func (b *Buffer) Set(s string) {
	b.moved()
	b.src, b.spare = nil, 0
	b.data = unsafe.Slice(unsafe.StringData(s), len(s))
	b.r, b.w = 0, len(s)
	b.borrowed = len(s) > 0
	if !b.borrowed {
		b.data = nil
	}
}

// Reset empties the buffer but keeps its storage for reuse.
func (b *Buffer) Reset() {
	b.moved()
	if b.borrowed || b.src != nil {
		b.data, b.borrowed, b.src = nil, false, nil
	}
	b.r, b.w = 0, 0
}

// Free empties the buffer and releases its storage.
func (b *Buffer) Free() {
	b.moved()
	b.data, b.borrowed, b.src, b.spare = nil, false, nil, 0
	b.r, b.w = 0, 0
}

// moved records that shared bytes may have changed place, making views and
// pointers stale.
func (b *Buffer) moved() {
	b.viewed = false
	b.epoch++
	b.version++
}

// Skip consumes up to n bytes and returns how many were consumed.
func (b *Buffer) Skip(n int) int {
	n = max(0, min(n, b.Len()))
	if n > 0 {
		b.r += n
		b.version++
	}
	return n
}

// Next consumes up to n bytes and returns them borrowed: the slice is valid
// until the next write and must not be modified.
func (b *Buffer) Next(n int) []byte {
	start := b.r
	n = b.Skip(n)
	return b.data[start : start+n]
}

// Write appends p. It never fails unless the buffer would exceed MaxSize.
func (b *Buffer) Write(p []byte) (int, error) {
	dst, err := b.grow(len(p))
	if err != nil {
		return 0, err
	}
	copy(dst, p)
	return len(p), nil
}

// WriteString appends s.
func (b *Buffer) WriteString(s string) (int, error) {
	dst, err := b.grow(len(s))
	if err != nil {
		return 0, err
	}
	copy(dst, s)
	return len(s), nil
}

// WriteByte appends c.
func (b *Buffer) WriteByte(c byte) error {
	dst, err := b.grow(1)
	if err != nil {
		return err
	}
	dst[0] = c
	return nil
}

// AppendWith lets fn append to the buffer's storage directly (the way
// strconv.AppendInt or serial.AppendLua append to a slice), so that a
// result is written once, in place, instead of being built elsewhere and
// copied in. fn gets the unread bytes with the free space as capacity and
// returns the extended slice; on error, or when the result would exceed
// MaxSize, the buffer keeps its old contents. fn must only append.
func (b *Buffer) AppendWith(fn func([]byte) ([]byte, error)) error {
	if b.spare > 0 && (b.borrowed || cap(b.data) == 0) && b.src == nil {
		// The storage went to a string (ShareString) and is about to be
		// replaced by one of the same size, which fn is going to fill:
		// allocate it without zeroing, and zero only what fn leaves free.
		used := b.Len()
		fresh := makeNoZero(max(b.spare, used+1))[:used]
		copy(fresh, b.data[b.r:b.w])
		b.data, b.r, b.w, b.borrowed, b.spare = fresh, 0, used, false, 0
		b.moved()
		defer func() {
			// When fn outgrew it, the array is garbage and never exposed.
			if unsafe.SliceData(b.data) == unsafe.SliceData(fresh) {
				clear(b.data[len(b.data):cap(b.data)])
			}
		}()
	}
	if err := b.ensure(1); err != nil {
		return err
	}
	start := b.data[b.r:b.w]
	out, err := fn(start)
	if err != nil {
		return err
	}
	if len(out)-len(start) > MaxSize-b.Len() {
		return ErrTooLarge
	}
	if len(out) == len(start) {
		return nil
	}
	if unsafe.SliceData(out) != unsafe.SliceData(start) {
		// append moved the bytes to a larger array.
		b.data, b.r = out, 0
		b.moved()
	} else {
		b.data = b.data[:b.r+len(out)]
	}
	b.w = b.r + len(out)
	b.version++
	return nil
}

// Read consumes up to len(p) bytes into p. It returns io.EOF when the buffer
// is empty and p is not.
func (b *Buffer) Read(p []byte) (int, error) {
	if b.Len() == 0 {
		if len(p) == 0 {
			return 0, nil
		}
		return 0, io.EOF
	}
	n := copy(p, b.data[b.r:b.w])
	b.Skip(n)
	return n, nil
}

// WriteTo drains the buffer into w.
func (b *Buffer) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for b.Len() > 0 {
		n, err := w.Write(b.data[b.r:b.w])
		if n < 0 || n > b.Len() {
			return total, fmt.Errorf("buffer: writer returned invalid count %d", n)
		}
		b.Skip(n)
		total += int64(n)
		if err != nil {
			return total, err
		}
		if n == 0 {
			return total, io.ErrShortWrite
		}
	}
	return total, nil
}

// readChunk is how much free space ReadFrom asks for before each read.
const readChunk = 32 * 1024

// ReadFrom appends everything r yields until io.EOF, reading straight into the
// buffer's free space.
func (b *Buffer) ReadFrom(r io.Reader) (int64, error) {
	var total int64
	for {
		space, err := b.Reserve(readChunk)
		if err != nil {
			return total, err
		}
		n, rerr := r.Read(space)
		if n < 0 || n > len(space) {
			return total, fmt.Errorf("buffer: reader returned invalid count %d", n)
		}
		if err := b.Commit(n); err != nil {
			return total, err
		}
		total += int64(n)
		if rerr == io.EOF {
			return total, nil
		}
		if rerr != nil {
			return total, rerr
		}
	}
}

// Reserve returns at least n bytes of free space at the end of the buffer
// for the caller to fill; Commit then appends the bytes written there. The
// slice is valid until the next change of the buffer.
func (b *Buffer) Reserve(n int) ([]byte, error) {
	if n < 0 || n > MaxSize {
		return nil, ErrTooLarge
	}
	if err := b.ensure(n); err != nil {
		return nil, err
	}
	b.version++
	return b.data[b.w:cap(b.data)], nil
}

// Commit appends n bytes that were written into the space returned by the
// last Reserve.
func (b *Buffer) Commit(n int) error {
	if b.borrowed || n < 0 || n > cap(b.data)-b.w {
		return ErrRange
	}
	if n == 0 {
		return nil
	}
	b.data = b.data[:b.w+n]
	b.w += n
	b.version++
	return nil
}

// grow makes room for n more bytes and returns the slice they go into.
func (b *Buffer) grow(n int) ([]byte, error) {
	if n == 0 {
		return nil, nil
	}
	if err := b.ensure(n); err != nil {
		return nil, err
	}
	b.data = b.data[:b.w+n]
	dst := b.data[b.w : b.w+n]
	b.w += n
	b.version++
	return dst, nil
}

// ensure guarantees n bytes of writable free space after w. It detaches a
// borrowed string or a view, reuses consumed space when that is enough, and
// otherwise reallocates with amortized doubling.
func (b *Buffer) ensure(n int) error {
	used := b.Len()
	if n > MaxSize-used {
		return ErrTooLarge
	}
	if !b.borrowed && b.src == nil && cap(b.data)-b.w >= n {
		return nil
	}
	need := used + n
	if !b.borrowed && b.src == nil && cap(b.data) >= need && b.r >= used {
		// Compacting is cheap here: the unread part is no longer than the
		// space it moves into, so every byte moves at most once per
		// consumption of the same amount.
		copy(b.data[:used], b.data[b.r:b.w])
		b.data = b.data[:used]
		b.r, b.w = 0, used
		b.moved()
		return nil
	}
	newCap := max(need, 2*cap(b.data), 32)
	if b.borrowed || b.src != nil || cap(b.data) == 0 {
		// The storage was a string (Set, ShareString), a view's or none:
		// size the new one for the content, or as the storage was before
		// ShareString took it, so that refilling does not regrow.
		newCap = max(need, 32, b.spare)
		b.spare = 0
	}
	newCap = min(newCap, MaxSize)
	fresh := make([]byte, used, newCap)
	copy(fresh, b.data[b.r:b.w])
	b.data, b.r, b.w = fresh, 0, used
	b.borrowed, b.src = false, nil
	b.moved()
	return nil
}

// own makes the buffer's bytes writable in place: a borrowed string or a
// view's shared memory (for operations that must not leak into the source)
// is copied.
func (b *Buffer) own() {
	if b.borrowed {
		fresh := make([]byte, b.Len(), max(b.Len(), 32, b.spare))
		copy(fresh, b.data[b.r:b.w])
		b.data, b.r, b.w, b.borrowed, b.spare = fresh, 0, len(fresh), false, 0
		b.moved()
	}
}

// makeNoZero returns an empty slice with capacity n whose memory is not
// zeroed first (strings.Builder.Grow allocates that way; make would clear
// it). The caller must write every byte it later reads.
func makeNoZero(n int) []byte {
	var sb strings.Builder
	sb.Grow(n)
	sb.WriteByte(0)
	s := sb.String()
	return unsafe.Slice(unsafe.StringData(s), n)[:0]
}
