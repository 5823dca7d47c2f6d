package lsp

// This file runs analysis off the request loop and publishes diagnostics.
//
// Each edit schedules its snapshot after a short debounce; a newer edit of the
// same document stops the pending timer, so a burst of keystrokes analyses
// once. Each analysis holds a slot of the server's CPU budget (budget.go). When one finishes, its diagnostics are
// published only if its snapshot is still the document's latest version:
// results for a superseded version are dropped, never shown. A superseded
// version's parse, scope model, inference and rules stop at their next
// look at its context (store.go, supersede), unless a request waits for
// them.

import (
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/buflsp/buflsp/analysis"
)

// RulesURL is where codeDescription links point: one anchor per rule.
const RulesURL = "https://github.com/buflsp/buflsp/blob/main/docs/rules.md"

type scheduler struct {
	s      *Server
	mu     sync.Mutex
	timers map[protocol.DocumentURI]*time.Timer
	closed bool
	// pubMu orders the "is it current? then publish" step across documents.
	pubMu sync.Mutex
}

func newScheduler(s *Server) *scheduler {
	return &scheduler{s: s, timers: map[protocol.DocumentURI]*time.Timer{}}
}

// schedule analyses snap after the debounce, replacing any pending analysis
// of the same document.
func (sc *scheduler) schedule(snap *Snapshot) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.closed {
		return
	}
	if t := sc.timers[snap.URI]; t != nil && t.Stop() {
		// The replaced timer will never run: release its hold on bg.
		sc.s.bg.Done()
	}
	sc.s.bg.Add(1)
	var t *time.Timer
	t = time.AfterFunc(snap.debounce(sc.s.opts.Debounce), func() {
		defer sc.s.bg.Done()
		sc.mu.Lock()
		if sc.timers[snap.URI] == t {
			delete(sc.timers, snap.URI)
		}
		sc.mu.Unlock()
		sc.run(snap)
	})
	sc.timers[snap.URI] = t
}

// forget drops any pending analysis of u.
func (sc *scheduler) forget(u protocol.DocumentURI) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if t := sc.timers[u]; t != nil && t.Stop() {
		sc.s.bg.Done()
	}
	delete(sc.timers, u)
}

// stop cancels every pending analysis; later schedules are ignored.
func (sc *scheduler) stop() {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.closed = true
	for u, t := range sc.timers {
		if t.Stop() {
			sc.s.bg.Done()
		}
		delete(sc.timers, u)
	}
}

func (sc *scheduler) run(snap *Snapshot) {
	if !sc.s.store.isCurrent(snap) {
		return
	}
	// The analysis holds a slot of the server's CPU budget, shared with
	// the other background work, so that a core stays free for requests.
	// The wait ends when a newer version replaces this one (its context
	// ends): in a burst of edits every version's wait used to hold its text
	// and line table until the slot came free.
	if !sc.s.cpu.acquire(snap.ctx) {
		return
	}
	defer sc.s.cpu.release(1)
	if !sc.s.store.isCurrent(snap) {
		return
	}
	start := time.Now()
	res := snap.Analysis()
	sc.pubMu.Lock()
	defer sc.pubMu.Unlock()
	if !sc.s.store.isCurrent(snap) {
		sc.s.log.Debug("dropped stale diagnostics", zap.String("uri", string(snap.URI)), zap.Int32("version", snap.Version))
		return
	}
	sc.s.publish(snap.URI, &snap.Version, toDiagnostics(snap.Mapper, snap.URI, res.Diagnostics))
	sc.s.log.Debug("published", zap.String("uri", string(snap.URI)), zap.Int32("version", snap.Version),
		zap.Int("count", len(res.Diagnostics)), zap.Duration("took", time.Since(start)))
}

// publishParams is PublishDiagnosticsParams with the version optional (it is
// omitted for files that are not open).
type publishParams struct {
	URI         protocol.DocumentURI  `json:"uri"`
	Version     *int32                `json:"version,omitempty"`
	Diagnostics []protocol.Diagnostic `json:"diagnostics"`
}

func (s *Server) publish(u protocol.DocumentURI, version *int32, diags []protocol.Diagnostic) {
	diags = append(diags, s.evals.diagnostics(u, version)...)
	if diags == nil {
		diags = []protocol.Diagnostic{}
	}
	s.notify(protocol.MethodTextDocumentPublishDiagnostics, &publishParams{URI: u, Version: version, Diagnostics: diags})
}

// toDiagnostics converts the analyzer's diagnostics; related locations are
// in the same file.
func toDiagnostics(m *Mapper, u protocol.DocumentURI, in []analysis.Diagnostic) []protocol.Diagnostic {
	out := make([]protocol.Diagnostic, 0, len(in))
	for _, d := range in {
		pd := protocol.Diagnostic{
			Range:           m.SpanRange(d.Start, d.End),
			Severity:        protocol.DiagnosticSeverity(d.Severity),
			Code:            d.Rule,
			CodeDescription: &protocol.CodeDescription{Href: protocol.URI(RulesURL + "#" + d.Rule)},
			Source:          "buflsp",
			Message:         d.Message,
		}
		if pd.Severity < protocol.DiagnosticSeverityError || pd.Severity > protocol.DiagnosticSeverityHint {
			pd.Severity = protocol.DiagnosticSeverityWarning
		}
		for _, r := range d.Related {
			pd.RelatedInformation = append(pd.RelatedInformation, protocol.DiagnosticRelatedInformation{
				Location: protocol.Location{URI: u, Range: m.SpanRange(r.Start, r.End)},
				Message:  r.Message,
			})
		}
		for _, t := range d.Tags {
			switch t {
			case analysis.TagUnnecessary:
				pd.Tags = append(pd.Tags, protocol.DiagnosticTagUnnecessary)
			case analysis.TagDeprecated:
				pd.Tags = append(pd.Tags, protocol.DiagnosticTagDeprecated)
			}
		}
		out = append(out, pd)
	}
	return out
}
