package lsp

// This file is the document store. Each open document is a chain of immutable
// snapshots, one per version: an edit builds a new Snapshot and swaps it in
// under the store's lock, so a handler that took a snapshot reads a stable
// text, mapper and analysis however many edits arrive meanwhile.

import (
	"context"
	"fmt"
	"sync"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/api"
	"github.com/buflsp/buflsp/analysis/semantic"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// Snapshot is one version of one document.
type Snapshot struct {
	URI     protocol.DocumentURI
	Path    string // file path for file URIs, else the URI; what the analyzer sees as the name
	Version int32
	Content []byte
	Mapper  *Mapper

	cfg *analysis.Config
	an  *analyzer

	once   sync.Once
	done   chan struct{} // closed when result is set
	result *analysis.Result
	// The index is built on first use by a request, from a parse of its
	// own rather than from the analysis: a request after an edit then waits
	// for the parser and the index only, not for every rule.
	indexOnce sync.Once
	indexDone chan struct{}
	index     *index
	// The analyzer's flow-sensitive types, for hover only: they cost more
	// than the index, so only a hover pays for them (once per version).
	typesOnce sync.Once
	typesDone chan struct{}
	types     *semantic.Types
}

// analyzer is what every snapshot of a session shares: the checker and the
// API table, both immutable and safe for concurrent use.
type analyzer struct {
	checker *analysis.Checker
	api     *api.Table
}

func newSnapshot(u protocol.DocumentURI, version int32, content []byte, cfg *analysis.Config, an *analyzer) *Snapshot {
	return &Snapshot{URI: u, Path: uriPath(string(u)), Version: version, Content: content, Mapper: NewMapper(content), cfg: cfg, an: an, done: make(chan struct{}), indexDone: make(chan struct{}), typesDone: make(chan struct{})}
}

// start launches the analysis of this version once; it runs on its own
// goroutine so that a cancelled request can stop waiting for it.
func (s *Snapshot) start() {
	s.once.Do(func() {
		go func() {
			defer close(s.done)
			defer func() {
				// The analyzer promises not to panic; the index is ours. Either
				// way, a failure must leave a usable, empty result behind.
				if v := recover(); v != nil {
					s.result = &analysis.Result{Diagnostics: []analysis.Diagnostic{{
						Rule: "syntax-error", Severity: analysis.SeverityError,
						Message: fmt.Sprintf("internal error while analysing this file (please report): %v", v),
					}}}
				}
			}()
			s.result = s.an.checker.Check(s.Path, s.Content, s.cfg)
		}()
	})
}

// Analysis returns the analysis of this version, computing it on first use.
// Concurrent callers share one computation.
func (s *Snapshot) Analysis() *analysis.Result {
	s.start()
	<-s.done
	return s.result
}

// startIndex launches the parse and index of this version once, on its own
// goroutine so that a cancelled request can stop waiting for it.
func (s *Snapshot) startIndex() {
	s.indexOnce.Do(func() {
		go func() {
			defer close(s.indexDone)
			defer func() {
				// A bug in the index must not take down the server: answer
				// from an empty index instead.
				if v := recover(); v != nil {
					s.index = &index{globals: map[string]*symbol{}}
				}
			}()
			target := syntax.DetectTarget(s.Path, s.Content, s.cfg.Target)
			file := syntax.Parse(s.Path, s.Content, syntax.Options{Target: target})
			s.index = buildIndex(file, s.an.api)
		}()
	})
}

// Index returns the name-resolution index of this version.
func (s *Snapshot) Index() *index {
	s.startIndex()
	<-s.indexDone
	return s.index
}

// indexCtx returns the index, or ctx's error if ctx ends first.
func (s *Snapshot) indexCtx(ctx context.Context) (*index, error) {
	s.startIndex()
	select {
	case <-s.indexDone:
		return s.index, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// analysisCtx returns the analysis, or ctx's error if ctx ends first.
func (s *Snapshot) analysisCtx(ctx context.Context) (*analysis.Result, error) {
	s.start()
	select {
	case <-s.done:
		return s.result, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// typesCtx returns the analyzer's inferred types for this version, computed
// from the index's parse on first use; nil when the inference failed. It
// returns ctx's error if ctx ends first.
func (s *Snapshot) typesCtx(ctx context.Context) (*semantic.Types, error) {
	ix, err := s.indexCtx(ctx)
	if err != nil {
		return nil, err
	}
	s.typesOnce.Do(func() {
		go func() {
			defer close(s.typesDone)
			defer func() {
				if v := recover(); v != nil {
					s.types = nil // hover falls back to the index's own inference
				}
			}()
			if ix.file != nil {
				s.types = semantic.Infer(semantic.Build(ix.file), ix.target, s.an.api)
			}
		}()
	})
	select {
	case <-s.typesDone:
		return s.types, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// wait returns both the analysis and the index, or ctx's error if ctx ends
// first.
func (s *Snapshot) wait(ctx context.Context) (*analysis.Result, *index, error) {
	res, err := s.analysisCtx(ctx)
	if err != nil {
		return nil, nil, err
	}
	ix, err := s.indexCtx(ctx)
	if err != nil {
		return nil, nil, err
	}
	return res, ix, nil
}

// store maps URIs to their latest snapshot.
type store struct {
	mu   sync.RWMutex
	docs map[protocol.DocumentURI]*Snapshot
}

func newStore() *store { return &store{docs: map[protocol.DocumentURI]*Snapshot{}} }

// get returns the latest snapshot of u, or nil when u is not open.
func (st *store) get(u protocol.DocumentURI) *Snapshot {
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.docs[u]
}

func (st *store) open(snap *Snapshot) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.docs[snap.URI] = snap
}

func (st *store) close(u protocol.DocumentURI) {
	st.mu.Lock()
	defer st.mu.Unlock()
	delete(st.docs, u)
}

// all returns the latest snapshot of every open document.
func (st *store) all() []*Snapshot {
	st.mu.RLock()
	defer st.mu.RUnlock()
	out := make([]*Snapshot, 0, len(st.docs))
	for _, s := range st.docs {
		out = append(out, s)
	}
	return out
}

// isCurrent reports whether snap is still the latest version of its document.
func (st *store) isCurrent(snap *Snapshot) bool {
	st.mu.RLock()
	defer st.mu.RUnlock()
	return st.docs[snap.URI] == snap
}

// change applies edits to the latest snapshot of u and installs the result
// as version. It fails, leaving the store as it was, when u is not open or
// version does not move forward.
func (st *store) change(u protocol.DocumentURI, version int32, changes []contentChange) (*Snapshot, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	old := st.docs[u]
	if old == nil {
		return nil, fmt.Errorf("didChange for %s: the document is not open", u)
	}
	if version <= old.Version {
		return nil, fmt.Errorf("didChange for %s: version %d does not follow the current version %d (out of order?)", u, version, old.Version)
	}
	content := old.Content
	mapper := old.Mapper
	for i, c := range changes {
		if c.Range == nil {
			content = []byte(c.Text)
		} else {
			start, end := mapper.RangeSpan(*c.Range)
			next := make([]byte, 0, len(content)-(end-start)+len(c.Text))
			next = append(next, content[:start]...)
			next = append(next, c.Text...)
			next = append(next, content[end:]...)
			content = next
		}
		if i < len(changes)-1 {
			mapper = NewMapper(content)
		}
	}
	snap := newSnapshot(u, version, content, old.cfg, old.an)
	st.docs[u] = snap
	return snap, nil
}

// reconfigure rebuilds every open document's snapshot with a new config
// (same text and version) and returns the new snapshots.
func (st *store) reconfigure(cfg *analysis.Config) []*Snapshot {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make([]*Snapshot, 0, len(st.docs))
	for u, old := range st.docs {
		snap := newSnapshot(u, old.Version, old.Content, cfg, old.an)
		st.docs[u] = snap
		out = append(out, snap)
	}
	return out
}
