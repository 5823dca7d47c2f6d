package lsp

// This file lets type-dependent requests (hover, completion, signature help,
// inlay hints, semantic tokens) answer from the newest version of a document
// whose analysis has completed, instead of waiting for the version just
// typed. Positions of the request are mapped into that version's text
// through the edits made since (offsetmap.go) and its answers are mapped
// back. Where the position has no counterpart (the cursor is in text typed
// since), the request waits for the current version as before.

import (
	"bytes"
	"context"

	"go.lsp.dev/protocol"
)

// view is an index together with the way to relate its offsets to the text
// the client has now.
type view struct {
	ix   *index
	base *Snapshot  // the version ix belongs to
	cur  *Snapshot  // the version the request names
	m    *offsetMap // from cur's text to base's; empty when base == cur
}

// stale reports whether the view answers from an older version.
func (v *view) stale() bool { return v.base != v.cur }

// rangeOf converts a span of the base text to a range of the current text.
func (v *view) rangeOf(s, e int) (protocol.Range, bool) {
	cs, ce, ok := v.m.fromBaseSpan(s, e)
	if !ok {
		return protocol.Range{}, false
	}
	return v.cur.Mapper.SpanRange(cs, ce), true
}

// positionOf converts an offset of the base text to a position of the
// current text.
func (v *view) positionOf(p int) (protocol.Position, bool) {
	c, ok := v.m.fromBase(p)
	if !ok {
		return protocol.Position{}, false
	}
	return v.cur.Mapper.OffsetPosition(c), true
}

// currentView waits for the index of snap itself.
func currentView(ctx context.Context, snap *Snapshot) (*view, error) {
	ix, err := snap.indexCtx(ctx)
	if err != nil {
		return nil, err
	}
	return &view{ix: ix, base: snap, cur: snap}, nil
}

// completedView returns a view on the newest version of snap's document
// whose index is ready (snap itself when it is), without waiting; nil when
// there is none.
func completedView(snap *Snapshot) *view {
	var steps [][]textEdit
	for s := snap; s != nil; s = s.prev.Load() {
		if s.indexReady() {
			m := &offsetMap{}
			for i := len(steps) - 1; i >= 0; i-- {
				m.edits = append(m.edits, steps[i]...)
			}
			return &view{ix: s.index, base: s, cur: snap, m: m}
		}
		steps = append(steps, s.edits)
	}
	return nil
}

// tokenAt returns the identifier of src around off (a cursor right after it
// counts), or an empty span at off when there is none.
func tokenAt(src []byte, off int) (int, int) {
	s, e := off, off
	for s > 0 && isNameByte(src[s-1]) {
		s--
	}
	for e < len(src) && isNameByte(src[e]) {
		e++
	}
	return s, e
}

// mapToken maps the identifier cur[s:e] into v's base text. It succeeds only
// when the base holds the same identifier there, whole: the same bytes, not
// extended by identifier bytes on either side.
func (v *view) mapToken(s, e int) (int, int, bool) {
	bs, be, ok := v.m.toBaseSpan(s, e)
	if !ok {
		return 0, 0, false
	}
	src := v.base.Content
	if bs < 0 || be > len(src) || !bytes.Equal(src[bs:be], v.cur.Content[s:e]) {
		return 0, 0, false
	}
	if bs > 0 && isNameByte(src[bs-1]) || be < len(src) && isNameByte(src[be]) {
		return 0, 0, false
	}
	return bs, be, true
}

// tokenView returns a view in which the identifier around off (or off
// itself, when it touches none) means what it meant when the view's
// analysis ran, with off mapped into that view. When the newest completed
// version does not have it, it waits for the current version (bounded by
// ctx, which $/cancelRequest ends).
func tokenView(ctx context.Context, snap *Snapshot, off int) (*view, int, error) {
	if v := completedView(snap); v != nil {
		if !v.stale() {
			return v, off, nil
		}
		s, e := tokenAt(snap.Content, off)
		if s < e {
			if bs, _, ok := v.mapToken(s, e); ok {
				return v, bs + off - s, nil
			}
		} else if bo, ok := v.m.toBaseStrict(off); ok {
			return v, bo, nil
		}
	}
	v, err := currentView(ctx, snap)
	return v, off, err
}

// isNameByte reports whether c may be part of a name in some dialect
// (LuaJIT and Luau accept any byte from 0x80 in names).
func isNameByte(c byte) bool { return isIdentByte(c) || c >= 0x80 }
