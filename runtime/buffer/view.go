package buffer

// Views.
//
// Slice returns a view: a Buffer whose bytes are the same memory as a range of
// its source's unread data. The rules, chosen so that sharing never becomes
// undefined behaviour:
//
//   - In-place edits (Fill, Replace inside the current length, byte writes
//     through Lua pointers) made through the source or the view are seen by
//     both.
//   - Reading from a view (Next, Skip, Read) only moves the view's own read
//     position; the source is unaffected, and the other way round.
//   - An operation that changes a view's length (Write, Insert, Remove,
//     SetLen, Reset, Set...) first detaches the view: it gets its own copy and
//     from then on is an ordinary buffer.
//   - When the source moves or releases the shared bytes (it reallocates to
//     grow, compacts consumed space, inserts or removes bytes, shrinks, is
//     reset, freed or Set), every view of it becomes stale: Valid returns
//     ErrStale and the Lua methods raise an error instead of showing bytes
//     that no longer belong to the source. Appending into spare capacity or
//     consuming from the front does not move bytes, so views stay valid.
//   - Slicing a buffer that borrows a string (Set) first gives the source its
//     own copy, because borrowed string memory must never be written.
//   - A view of a view shares the original source's memory and follows the
//     original source's lifetime.

// Slice returns a view of the unread bytes [i, j) (0-based, relative to the
// read position).
func (b *Buffer) Slice(i, j int) (*Buffer, error) {
	if err := b.Valid(); err != nil {
		return nil, err
	}
	if i < 0 || j < i || j > b.Len() {
		return nil, ErrRange
	}
	b.own()
	root, epoch := b, b.epoch
	if b.src != nil {
		root, epoch = b.src, b.srcEpoch
	}
	root.viewed = true
	start, end := b.r+i, b.r+j
	return &Buffer{
		data:     b.data[start:end:end],
		w:        j - i,
		src:      root,
		srcEpoch: epoch,
	}, nil
}

// Clone returns an independent copy of the unread bytes.
func (b *Buffer) Clone() *Buffer {
	c := New(b.Len())
	c.data = append(c.data, b.data[b.r:b.w]...)
	c.w = len(c.data)
	return c
}

// IsView reports whether the buffer currently shares memory with a source.
func (b *Buffer) IsView() bool { return b.src != nil }

// detach gives a view its own copy of its bytes so that a length-changing
// operation does not touch the source's memory.
func (b *Buffer) detach() {
	if b.src == nil {
		return
	}
	used := b.Len()
	fresh := make([]byte, used, max(used, 32))
	copy(fresh, b.data[b.r:b.w])
	b.data, b.r, b.w, b.src = fresh, 0, used, nil
	b.moved()
}
