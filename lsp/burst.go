package lsp

// This file is what happens to a version when edits replace it. Its
// analysis is given up at once unless a request waits for it (on a large
// file a replaced version's parse and inference held tens of MiB for
// hundreds of milliseconds, for a result nobody read), and while edits come
// faster than the document is analysed the next version's analysis waits
// for a pause in typing instead of starting at each keystroke.

import (
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// supersede tells the snapshot that a newer version (or a close) replaced
// it: work not yet started for it is skipped, and its model and type
// inference stop at once unless a request waits for them (then when the
// last such request is done).
func (s *Snapshot) supersede() {
	s.cancel()
	s.waitMu.Lock()
	defer s.waitMu.Unlock()
	s.replaced = true
	if s.waiters == 0 {
		s.stopWork()
	}
}

// hold keeps this version's analysis going, replaced or not, until the
// returned function is called: a request waiting for it gets a whole
// answer.
func (s *Snapshot) hold() (release func()) {
	s.waitMu.Lock()
	s.waiters++
	s.waitMu.Unlock()
	return func() {
		s.waitMu.Lock()
		defer s.waitMu.Unlock()
		s.waiters--
		if s.replaced && s.waiters == 0 {
			s.stopWork()
		}
	}
}

// errGivenUp answers a request that reached a replaced version after its
// analysis was given up (supersede): the client asks again on the text it
// has now.
func errGivenUp() error {
	return jsonrpc2.NewError(protocol.CodeContentModified, "the document changed before its analysis completed; ask again")
}

// noteCost records, once this version's index is ready, how long its
// analysis took since start. warm and start both measure it, the one that
// started later waiting for the other: the longer measure holds.
func (s *Snapshot) noteCost(start time.Time) {
	if !s.indexReady() {
		return
	}
	d := int64(time.Since(start))
	for {
		cur := s.ownCost.Load()
		if d <= cur || s.ownCost.CompareAndSwap(cur, d) {
			return
		}
	}
}

// analysisCost is how long the newest completed analysis of this
// document known to this version took; 0 when none is known.
func (s *Snapshot) analysisCost() time.Duration {
	if c := s.ownCost.Load(); c > 0 {
		return time.Duration(c)
	}
	return time.Duration(s.lastCost.Load())
}

// maxBurstDelay bounds the delay of an analysis during a burst of edits
// (debounce).
const maxBurstDelay = 500 * time.Millisecond

// debounce is how long the analysis of this version waits for a newer
// one, base normally. In a burst of edits on a document whose analysis
// takes longer than the user's pause between keystrokes, an analysis
// started at once is replaced and given up before it completes: it only
// adds its parse and partial inference (tens of MiB on a large file) to
// the version that answers meanwhile. There the wait is half the last
// analysis' duration (at most maxBurstDelay), so that the analysis starts
// once typing pauses; requests that need this version start it sooner.
func (s *Snapshot) debounce(base time.Duration) time.Duration {
	if !s.burst {
		return base
	}
	return max(base, min(s.analysisCost()/2, maxBurstDelay))
}
