package lsp

// This file is the document store. Each open document is a chain of immutable
// snapshots, one per version: an edit builds a new Snapshot and swaps it in
// under the store's lock, so a handler that took a snapshot reads a stable
// text, mapper and analysis however many edits arrive meanwhile.

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/api"
)

// Snapshot is one version of one document. Everything the server knows
// of the version comes from one analysis.Result: the parse, the scope model
// and the types are computed once and shared by the rules (diagnostics) and
// by the index the requests read.
type Snapshot struct {
	URI     protocol.DocumentURI
	Path    string // file path for file URIs, else the URI; what the analyzer sees as the name
	Version int32
	Content []byte
	Mapper  *Mapper

	cfg *analysis.Config
	an  *analyzer
	// ctx ends when a newer version replaces this one (or the document is
	// closed), so that the rules of a superseded version stop early.
	ctx    context.Context
	cancel context.CancelFunc
	// work ends the parse, scope model and type inference of this version
	// (analysis.Checker.ParseInContext) once it is replaced and no request
	// waits for its answers: during a burst of typing into a large file,
	// each version's analysis held tens of MiB for hundreds of
	// milliseconds on top of the version that stale answers read, for a
	// result nobody used.
	work     context.Context
	stopWork context.CancelFunc
	// waitMu guards waiters (the requests waiting for this version's
	// analysis, which keep it going) and replaced.
	waitMu   sync.Mutex
	waiters  int
	replaced bool

	// refresh marks a version analysed again because another document's
	// summary changed; its own summary change triggers nothing more, which
	// bounds the cascade to one step.
	refresh bool
	// scanning marks a file analysed by the workspace scan: its summary
	// change reaches the open documents only, since the scan analyses the
	// files that depend on it again once it ends (reanalyseWithFacts).
	scanning bool

	// warming is set while warm's parse and inference run.
	warming atomic.Bool
	// burst is set when this version replaced one whose analysis had not
	// completed: the user types faster than the document is analysed.
	burst bool
	// lastCost is how long the newest completed analysis of this document
	// (parse, scope model, types and index) took when this version was
	// made, in nanoseconds, 0 when none was known; ownCost the same for
	// this version's own analysis, once it completes (see analysisCost).
	lastCost, ownCost atomic.Int64
	// The parse, started by the first request or by the scheduler.
	parseOnce sync.Once
	parseDone chan struct{}
	parsed    *analysis.Result
	// The rules, run on the parsed result; result is parsed with its
	// Diagnostics set.
	once   sync.Once
	done   chan struct{} // closed when result is set
	result *analysis.Result
	// The index is built on first use by a request, from the parsed
	// result's model and types: a request after an edit then waits for the
	// parse and the type inference only, not for every rule.
	indexOnce sync.Once
	indexDone chan struct{}
	index     *index
	// givenUp is set, before indexDone closes, when the index was built
	// from an analysis given up (supersede): no request may answer from
	// it.
	givenUp atomic.Bool
	// names is the index without types, for the requests that only
	// resolve names (definition, references, highlight, rename): they wait
	// for the parse and the scope model, not for the type inference.
	namesOnce sync.Once
	namesDone chan struct{}
	names     *index

	// prev is the version this one replaced while its analysis had not
	// completed, and edits turned prev's text into this one's: requests
	// answer from the newest completed version along this chain, mapping
	// positions through the edits (stale.go). It is cut once this
	// version's index is ready, so that older texts can be collected.
	prev  atomic.Pointer[Snapshot]
	edits []textEdit
}

// analyzer is what every snapshot of a session shares: the checker and the
// API table, both immutable and safe for concurrent use.
type analyzer struct {
	checker *analysis.Checker
	api     *api.Table
	// cpu is the server's budget for background analysis (budget.go).
	cpu *cpuBudget
	// summaries is the workspace index of what each file exports to the
	// others (analysis.Workspace): every analysed version records its
	// summary there, and each new version is inferred with what the
	// index knows at that moment.
	summaries *analysis.Workspace
	// summaryChanged is called when a version's summary changed the
	// index, with that document and the files whose facts the change may
	// change (analysis.Workspace.Dependents; nil during the workspace
	// scan); the server analyses the other open documents and those files
	// again (once: those analyses do not call it in turn).
	summaryChanged func(u protocol.DocumentURI, dependents []string)
}

func newSnapshot(u protocol.DocumentURI, version int32, content []byte, cfg *analysis.Config, an *analyzer) *Snapshot {
	ctx, cancel := context.WithCancel(context.Background())
	work, stopWork := context.WithCancel(context.Background())
	if an != nil && an.summaries != nil && isLuaFile(uriPath(string(u))) {
		an.summaries.AddFile(uriPath(string(u)))
	}
	return &Snapshot{URI: u, Path: uriPath(string(u)), Version: version, Content: content, Mapper: NewMapper(content), cfg: cfg, an: an,
		ctx: ctx, cancel: cancel, work: work, stopWork: stopWork, parseDone: make(chan struct{}), done: make(chan struct{}), indexDone: make(chan struct{}), namesDone: make(chan struct{})}
}

// startParse launches the parse of this version once, on its own goroutine
// so that a cancelled request can stop waiting for it.
func (s *Snapshot) startParse() {
	s.parseOnce.Do(func() {
		go func() {
			defer close(s.parseDone)
			defer func() {
				// The analyzer promises not to panic; if it does, the
				// version is answered as an empty file.
				if v := recover(); v != nil {
					s.parsed = &analysis.Result{}
				}
			}()
			s.parsed = s.an.checker.ParseInContext(s.work, s.an.summaries, s.Path, s.Content, s.cfg)
		}()
	})
}

// warm starts the parse, scope model and type inference of this version
// at once, ahead of the debounce that delays the rules: the index of a
// request and the rules of the scheduler then find them done or under way.
// It does nothing in a burst of edits (see debounce) or while prev (the
// version this one replaced) is still warming, so that a burst runs at
// most one such computation per document; the debounced analysis of the
// last version starts it anyway.
// It holds a slot of the CPU budget while it runs (waiting for one, and
// giving up when a newer version replaces this one meanwhile); the parse
// and the index it waits for run on other goroutines, covered by that
// slot.
func (s *Snapshot) warm(prev *Snapshot) {
	if s.burst || prev != nil && prev.warming.Load() {
		return
	}
	s.warming.Store(true)
	go func() {
		defer s.warming.Store(false)
		if !s.an.cpu.acquire(s.ctx) {
			return
		}
		defer s.an.cpu.release(1)
		start := time.Now()
		res := s.parsedResult()
		if s.ctx.Err() == nil {
			res.Types() // builds the model too; never panics (analysis.Result recovers)
			// The index is cheap once the types exist; building it here
			// makes this version a base that later requests can answer
			// from without waiting (stale.go).
			<-s.startIndex()
			s.noteCost(start)
		}
	}()
}

// parsedResult waits for the parse.
func (s *Snapshot) parsedResult() *analysis.Result {
	s.startParse()
	<-s.parseDone
	return s.parsed
}

// start launches the analysis of this version once; it runs on its own
// goroutine so that a cancelled request can stop waiting for it. The
// background callers (the scheduler, the workspace scan) hold one slot of
// the CPU budget while they wait for it; the rules run on that slot plus
// any that are free at that moment, so that with one slot they run one
// after the other. The output does not depend on how many run at once.
func (s *Snapshot) start() {
	s.once.Do(func() {
		go func() {
			defer close(s.done)
			start := time.Now()
			res := s.parsedResult()
			if s.ctx.Err() == nil {
				// The index is built from the types the rules need
				// anyway, in a fraction of a millisecond once they exist;
				// it is what requests answer from, so it comes first.
				<-s.startIndex()
				s.noteCost(start)
			}
			if s.ctx.Err() == nil && s.an.summaries != nil {
				// Only a current version updates the index: a superseded
				// one finishing late must not replace a newer summary.
				old := s.an.summaries.Summary(s.Path)
				if s.an.summaries.SetSummary(s.Path, res.Summary()) && !s.refresh && s.an.summaryChanged != nil {
					var deps []string
					if !s.scanning {
						deps = s.an.summaries.Dependents(s.Path, old)
					}
					s.an.summaryChanged(s.URI, deps)
				}
			}
			extra := s.an.cpu.tryAcquire(min(s.an.cpu.size(), s.an.checker.Parallelism()) - 1)
			defer s.an.cpu.release(extra)
			checker := s.an.checker.WithParallelism(1 + extra)
			defer func() {
				// A failure must leave a usable result behind.
				if v := recover(); v != nil {
					res.Diagnostics = []analysis.Diagnostic{{
						Rule: "syntax-error", Severity: analysis.SeverityError,
						Message: fmt.Sprintf("internal error while analysing this file (please report): %v", v),
					}}
				}
				s.result = res
			}()
			// A superseded version gets no diagnostics; the scheduler
			// never publishes them.
			res.Diagnostics, _ = checker.Diagnose(s.ctx, res, s.cfg)
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

// startIndex launches the index of this version once, on its own goroutine
// so that a cancelled request can stop waiting for it, and returns a channel
// closed when the index is ready.
func (s *Snapshot) startIndex() <-chan struct{} {
	s.indexOnce.Do(func() {
		go func() {
			defer func() {
				// Nothing older than a completed version is needed any
				// more. A version given up keeps its base, for a request
				// that took it before it was replaced (completedView).
				if !s.givenUp.Load() {
					s.prev.Store(nil)
				}
			}()
			defer close(s.indexDone)
			res := s.parsedResult()
			defer func() {
				// A bug in the index must not take down the server: answer
				// from an index of the parse alone instead.
				if v := recover(); v != nil {
					s.index = buildIndex(res.File, nil, nil)
				}
				s.givenUp.Store(res.Stopped())
			}()
			s.index = buildIndex(res.File, res.Model(), res.Types())
		}()
	})
	return s.indexDone
}

// indexReady reports, without waiting, whether the index of this version
// is built (from a whole analysis).
func (s *Snapshot) indexReady() bool {
	select {
	case <-s.indexDone:
		return !s.givenUp.Load()
	default:
		return false
	}
}

// Index returns the index of this version.
func (s *Snapshot) Index() *index {
	s.startIndex()
	<-s.indexDone
	return s.index
}

// indexCtx returns the index, or ctx's error if ctx ends first, or
// errGivenUp when the version was replaced and its analysis given up
// before the request came.
func (s *Snapshot) indexCtx(ctx context.Context) (*index, error) {
	defer s.hold()()
	s.startIndex()
	select {
	case <-s.indexDone:
		if s.givenUp.Load() {
			return nil, errGivenUp()
		}
		return s.index, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// namesCtx returns the index of names and scopes alone (no values), or
// ctx's error if ctx ends first, or errGivenUp (see indexCtx). Once the
// full index is ready it is returned instead.
func (s *Snapshot) namesCtx(ctx context.Context) (*index, error) {
	if s.indexReady() {
		return s.index, nil
	}
	defer s.hold()()
	s.namesOnce.Do(func() {
		go func() {
			defer close(s.namesDone)
			res := s.parsedResult()
			defer func() {
				if v := recover(); v != nil {
					s.names = buildIndex(res.File, nil, nil)
				}
			}()
			s.names = buildIndex(res.File, res.Model(), nil)
		}()
	})
	select {
	case <-s.namesDone:
		if s.names.model == nil && s.parsed.Stopped() {
			return nil, errGivenUp()
		}
		return s.names, nil
	case <-s.indexDone:
		if s.givenUp.Load() {
			return nil, errGivenUp()
		}
		return s.index, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// analysisCtx returns the analysis, or ctx's error if ctx ends first.
func (s *Snapshot) analysisCtx(ctx context.Context) (*analysis.Result, error) {
	defer s.hold()()
	s.start()
	select {
	case <-s.done:
		if s.result.Stopped() {
			return nil, errGivenUp()
		}
		return s.result, nil
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
	if old := st.docs[snap.URI]; old != nil {
		old.supersede()
	}
	st.docs[snap.URI] = snap
}

func (st *store) close(u protocol.DocumentURI) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if old := st.docs[u]; old != nil {
		old.supersede()
	}
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
func (st *store) change(u protocol.DocumentURI, version int32, changes []contentChange) (snap, old *Snapshot, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	old = st.docs[u]
	if old == nil {
		return nil, nil, fmt.Errorf("didChange for %s: the document is not open", u)
	}
	if version <= old.Version {
		return nil, nil, fmt.Errorf("didChange for %s: version %d does not follow the current version %d (out of order?)", u, version, old.Version)
	}
	content := old.Content
	mapper := old.Mapper
	edits := make([]textEdit, 0, len(changes))
	for i, c := range changes {
		if c.Range == nil {
			next := []byte(c.Text)
			edits = append(edits, minimalEdit(content, next))
			content = next
		} else {
			start, end := mapper.RangeSpan(*c.Range)
			edits = append(edits, textEdit{start: start, end: end, newLen: len(c.Text)})
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
	snap = newSnapshot(u, version, content, old.cfg, old.an)
	snap.burst = !old.indexReady()
	snap.lastCost.Store(int64(old.analysisCost()))
	base, edits := keptBase(old, edits)
	snap.edits = edits
	snap.prev.Store(base)
	old.supersede()
	st.docs[u] = snap
	return snap, old, nil
}

// keptBase picks the version a new one keeps for stale answers
// (stale.go) and the edits from that version's text to the new one: the
// newest version along the replaced one's chain whose index is ready, or
// none. Versions between them, superseded before their analysis completed,
// are dropped with their text, tree and offset map: keeping every such
// version of a large file during a burst of typing grew the live heap from
// 323 MiB to 3.6 GiB. So a version keeps at most one older version alive.
func keptBase(old *Snapshot, edits []textEdit) (*Snapshot, []textEdit) {
	steps := [][]textEdit{edits}
	s := old
	for s != nil && !s.indexReady() {
		steps = append(steps, s.edits)
		s = s.prev.Load()
	}
	if s == nil {
		return nil, nil
	}
	var all []textEdit
	for i := len(steps) - 1; i >= 0; i-- {
		all = append(all, steps[i]...)
	}
	return s, all
}

// reconfigure rebuilds every open document's snapshot with a new config
// (same text and version) and returns the new snapshots.
// refresh replaces every open document but except by a new snapshot of
// the same version, marked as a refresh (see Snapshot.refresh).
func (st *store) refresh(except protocol.DocumentURI) []*Snapshot {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []*Snapshot
	for u, old := range st.docs {
		if u == except {
			continue
		}
		snap := newSnapshot(u, old.Version, old.Content, old.cfg, old.an)
		snap.refresh = true
		old.supersede()
		st.docs[u] = snap
		out = append(out, snap)
	}
	return out
}

func (st *store) reconfigure(cfg *analysis.Config) []*Snapshot {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make([]*Snapshot, 0, len(st.docs))
	for u, old := range st.docs {
		snap := newSnapshot(u, old.Version, old.Content, cfg, old.an)
		old.supersede()
		st.docs[u] = snap
		out = append(out, snap)
	}
	return out
}
