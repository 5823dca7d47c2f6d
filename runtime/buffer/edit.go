package buffer

import "bytes"

// Editing operations. Offsets are 0-based and relative to the read position;
// the Lua layer converts string.sub-style positions before calling them.

// Insert inserts p before offset off (0 <= off <= Len). p must not alias the
// buffer's own bytes.
func (b *Buffer) Insert(off int, p []byte) error {
	if err := b.Valid(); err != nil {
		return err
	}
	if off < 0 || off > b.Len() {
		return ErrRange
	}
	if len(p) == 0 {
		return nil
	}
	b.detach()
	tail := b.Len() - off
	if _, err := b.grow(len(p)); err != nil {
		return err
	}
	at := b.r + off
	copy(b.data[at+len(p):b.w], b.data[at:at+tail])
	copy(b.data[at:], p)
	b.moved()
	return nil
}

// Remove deletes up to n bytes starting at offset off and returns how many
// were removed.
func (b *Buffer) Remove(off, n int) (int, error) {
	if err := b.Valid(); err != nil {
		return 0, err
	}
	if off < 0 || off > b.Len() || n < 0 {
		return 0, ErrRange
	}
	n = min(n, b.Len()-off)
	if n == 0 {
		return 0, nil
	}
	if off == 0 {
		return b.Skip(n), nil
	}
	b.detach()
	b.own()
	at := b.r + off
	copy(b.data[at:], b.data[at+n:b.w])
	b.w -= n
	b.data = b.data[:b.w]
	b.moved()
	return n, nil
}

// Replace overwrites bytes starting at offset off with p, extending the
// buffer when p runs past the end. p must not alias the buffer's own bytes.
func (b *Buffer) Replace(off int, p []byte) error {
	if err := b.Valid(); err != nil {
		return err
	}
	if off < 0 || off > b.Len() {
		return ErrRange
	}
	if extra := off + len(p) - b.Len(); extra > 0 {
		b.detach()
		if _, err := b.grow(extra); err != nil {
			return err
		}
	}
	b.own()
	copy(b.data[b.r+off:b.w], p)
	b.version++
	return nil
}

// Fill sets up to n bytes starting at offset off to c, in place.
func (b *Buffer) Fill(off, n int, c byte) error {
	if err := b.Valid(); err != nil {
		return err
	}
	if off < 0 || off > b.Len() || n < 0 {
		return ErrRange
	}
	n = min(n, b.Len()-off)
	if n == 0 {
		return nil
	}
	b.own()
	seg := b.data[b.r+off : b.r+off+n]
	for i := range seg {
		seg[i] = c
	}
	b.version++
	return nil
}

// SetLen truncates the unread data to n bytes or pads it with zero bytes.
func (b *Buffer) SetLen(n int) error {
	if err := b.Valid(); err != nil {
		return err
	}
	if n < 0 || n > MaxSize {
		return ErrRange
	}
	switch used := b.Len(); {
	case n < used:
		b.detach()
		b.own()
		b.w = b.r + n
		b.data = b.data[:b.w]
		b.moved()
	case n > used:
		b.detach()
		dst, err := b.grow(n - used)
		if err != nil {
			return err
		}
		clear(dst)
	}
	return nil
}

// Index returns the offset of the first occurrence of p at or after offset
// from, or -1.
func (b *Buffer) Index(p []byte, from int) int {
	if from < 0 || from > b.Len() {
		return -1
	}
	i := bytes.Index(b.data[b.r+from:b.w], p)
	if i < 0 {
		return -1
	}
	return from + i
}

// LastIndex returns the offset of the last occurrence of p that starts at or
// before offset upto, or -1.
func (b *Buffer) LastIndex(p []byte, upto int) int {
	if upto < 0 {
		return -1
	}
	end := min(b.Len(), upto+len(p))
	return bytes.LastIndex(b.data[b.r:b.r+end], p)
}
