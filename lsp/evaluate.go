package lsp

// This file implements workspace/executeCommand "buflsp.evaluate": run a
// document, or the text of a range of it, in runtime/sandbox and answer with
// what it printed and returned.
//
// The request runs on its own goroutine like every request, with a context
// that $/cancelRequest cancels; that context is the sandbox's, so cancelling
// stops the Lua code at its next instruction. Evaluation only ever starts
// from this command, never from opening or editing a file.
//
// An evaluation of the current version of an open document leaves two
// things behind until the document changes: its error, published as a
// diagnostic at the document line where it happened, and the values of the
// "--=" lines it ran (eval_inline.go), served as inlay hints. Both live in
// evalStore, keyed by URI and version, so that an edit makes them stale at
// once without anyone having to clear them.

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"sync"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/buflsp/buflsp/analysis/lower"
	"github.com/buflsp/buflsp/runtime/sandbox"
	"github.com/buflsp/buflsp/runtime/sandbox/proc"
)

// commandEvaluate is the only command the server executes.
const commandEvaluate = "buflsp.evaluate"

// evalDiagnosticCode names evaluation errors in the Problems list. It is not
// an analyzer rule, so it has no RULES.md entry and no codeDescription.
const evalDiagnosticCode = "eval-error"

// evalHintTooltip marks the inlay hints that show "--=" values.
const evalHintTooltip = "value from the last buflsp.evaluate; cleared on the next edit"

// methodInlayHintRefresh asks the client to pull inlay hints again (3.17).
const methodInlayHintRefresh = "workspace/inlayHint/refresh"

// executeCommandParams is ExecuteCommandParams with the arguments kept raw,
// so that each command decodes its own.
type executeCommandParams struct {
	Command   string            `json:"command"`
	Arguments []json.RawMessage `json:"arguments"`
}

// evaluateArgs is the single argument of buflsp.evaluate. Without a range
// the whole document runs.
type evaluateArgs struct {
	URI   protocol.DocumentURI `json:"uri"`
	Range *protocol.Range      `json:"range,omitempty"`
}

// inlineResult is one "--=" value in the command's reply (the field
// "inline"), for clients without inlay hints such as Neovim 0.7.
type inlineResult struct {
	Position protocol.Position `json:"position"` // just after the "--=" in the document
	Text     string            `json:"text"`
	Count    int               `json:"count"` // how many times the line ran
}

func (s *Server) executeCommand(ctx context.Context, p *executeCommandParams) (any, error) {
	switch p.Command {
	case commandEvaluate:
		a, err := decodeEvaluateArgs(p.Arguments)
		if err != nil {
			return nil, err
		}
		return s.evaluate(ctx, a)
	}
	return nil, invalidParams("workspace/executeCommand: unknown command %q (buflsp offers %q)", p.Command, commandEvaluate)
}

// decodeEvaluateArgs accepts [{uri, range?}] and, for clients that pass
// arguments positionally, [uri] or [uri, range].
func decodeEvaluateArgs(args []json.RawMessage) (*evaluateArgs, error) {
	if len(args) == 0 {
		return nil, invalidParams("buflsp.evaluate: expected one argument {uri, range?}, found none")
	}
	var a evaluateArgs
	if err := json.Unmarshal(args[0], &a); err != nil {
		var uri string
		if json.Unmarshal(args[0], &uri) != nil {
			return nil, invalidParams("buflsp.evaluate: expected an argument {uri, range?}, found %s", truncate(args[0], 80))
		}
		a.URI = protocol.DocumentURI(uri)
		if len(args) > 1 && string(args[1]) != "null" {
			a.Range = new(protocol.Range)
			if err := json.Unmarshal(args[1], a.Range); err != nil {
				return nil, invalidParams("buflsp.evaluate: the second argument must be a range: %v", err)
			}
		}
	}
	if a.URI == "" {
		return nil, invalidParams("buflsp.evaluate: the argument has no uri")
	}
	return &a, nil
}

// evaluation is one run of a snapshot's text and where it sits in the document.
type evaluation struct {
	snap      *Snapshot
	start     int // byte offset of the evaluated text in the document
	end       int
	firstLine int // zero-based document line of the evaluated text's first line
	marks     []inlineMark
	res       *sandbox.Result
}

func (s *Server) evaluate(ctx context.Context, a *evaluateArgs) (json.RawMessage, error) {
	snap, err := s.snapshotOf(a.URI)
	if err != nil {
		return nil, err
	}
	ev := &evaluation{snap: snap, end: len(snap.Content)}
	if a.Range != nil {
		ev.start, ev.end = snap.Mapper.RangeSpan(*a.Range)
		if ev.end < ev.start {
			ev.start, ev.end = ev.end, ev.start
		}
		ev.firstLine = snap.Mapper.lineOf(ev.start)
	}
	// The target comes from the whole document: a range rarely includes the
	// "-- target:" first line.
	target := snap.cfg.FileTarget(snap.Path, snap.Content)
	src, marks := rewriteInline(snap.Content[ev.start:ev.end], target)
	ev.marks = marks

	limits := s.evalLimits()
	spec := proc.Spec{
		ChunkName: filepath.Base(snap.Path),
		Timeout:   time.Duration(limits.TimeoutMS) * time.Millisecond,
		MaxMemory: int64(limits.MemoryMB) << 20,
		Target:    target.String(),
		Inline:    len(marks) > 0,
	}
	ev.res = s.evaluator().Evaluate(ctx, src, spec)
	if err := ctx.Err(); err != nil {
		// Cancelled: the server answers RequestCancelled and nothing is kept.
		return nil, err
	}
	if ev.res.Err != nil && ev.res.Err.Line > 0 {
		e := *ev.res.Err
		e.Line += ev.firstLine
		ev.res.Err = &e
	}
	hints, inline := ev.inlineResults()
	if s.store.isCurrent(snap) {
		s.evals.put(snap, ev.lineSpan(), ev.diagnostics(), hints)
		s.republish(ctx, snap)
		s.refreshInlayHints()
	}
	return encodeEvalResult(ev.res, inline)
}

// evaluator is the configured Evaluator, or evaluation in this process.
func (s *Server) evaluator() proc.Evaluator {
	if s.opts.Evaluator != nil {
		return s.opts.Evaluator
	}
	return proc.Local{Frontends: lower.FrontendFor}
}

// evalLimits returns the session's evaluation limits.
func (s *Server) evalLimits() EvalLimits {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings.eval
}

// lineSpan returns the zero-based document lines the evaluation covered.
func (ev *evaluation) lineSpan() [2]int {
	last := ev.snap.Mapper.lineOf(ev.end)
	return [2]int{ev.firstLine, max(last, ev.firstLine)}
}

// diagnostics turns the run's error into a diagnostic on the document line
// where it happened (the evaluated text's first line when the error has no
// line, as for a timeout).
func (ev *evaluation) diagnostics() []protocol.Diagnostic {
	e := ev.res.Err
	if e == nil || e.Kind == sandbox.KindCanceled {
		return nil
	}
	line := ev.firstLine
	if e.Line > 0 {
		line = e.Line - 1
	}
	span := ev.lineSpan()
	line = min(max(line, span[0]), span[1])
	m := ev.snap.Mapper
	start, end := m.lineStart[line], m.lineEnd(line)
	for start < end && (m.content[start] == ' ' || m.content[start] == '\t') {
		start++
	}
	kind := string(e.Kind) + " error"
	if e.Kind == sandbox.KindLimit {
		kind = string(e.Limit) + " limit exceeded"
	}
	return []protocol.Diagnostic{{
		Range:    m.SpanRange(start, end),
		Severity: protocol.DiagnosticSeverityError,
		Code:     evalDiagnosticCode,
		Source:   "buflsp eval",
		Message:  kind + ": " + e.Message,
	}}
}

// inlineResults maps the recorded "--=" values to document positions.
func (ev *evaluation) inlineResults() ([]inlayHint, []inlineResult) {
	byLine := map[int]inlineMark{}
	for _, mk := range ev.marks {
		if mk.rewritten {
			byLine[mk.line] = mk
		}
	}
	hints := []inlayHint{}
	inline := []inlineResult{}
	for _, v := range ev.res.Inline {
		mk, ok := byLine[v.Line]
		if !ok {
			continue // a call of __buflsp_inline the rewrite did not make
		}
		pos := ev.snap.Mapper.OffsetPosition(ev.start + mk.after)
		label := v.Text
		if v.Count > 1 {
			label += " (last of " + itoa(v.Count) + " runs)"
		}
		hints = append(hints, inlayHint{Position: pos, Label: label, PaddingLeft: true, Tooltip: evalHintTooltip})
		inline = append(inline, inlineResult{Position: pos, Text: v.Text, Count: v.Count})
	}
	return hints, inline
}

// encodeEvalResult is sandbox.WriteJSON's object (with error.line counted in
// the document) plus the "--=" values under "inline".
func encodeEvalResult(res *sandbox.Result, inline []inlineResult) (json.RawMessage, error) {
	var buf bytes.Buffer
	if err := sandbox.WriteJSON(&buf, res); err != nil {
		return nil, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &obj); err != nil {
		return nil, err
	}
	raw, err := json.Marshal(inline)
	if err != nil {
		return nil, err
	}
	obj["inline"] = raw
	return json.Marshal(obj)
}

// republish sends the snapshot's diagnostics again, now that the evaluation
// store holds new ones for it; publish adds those (evalDiagnostics). Holding
// the scheduler's publish lock keeps an analysis of the same version from
// interleaving.
func (s *Server) republish(ctx context.Context, snap *Snapshot) {
	res, _, err := snap.wait(ctx)
	if err != nil {
		return
	}
	s.sched.pubMu.Lock()
	defer s.sched.pubMu.Unlock()
	if !s.store.isCurrent(snap) {
		return
	}
	s.publish(snap.URI, &snap.Version, toDiagnostics(snap.Mapper, snap.URI, res.Diagnostics))
}

// refreshInlayHints asks the client to pull inlay hints again, without
// waiting on the request loop. A client that does not know the request
// answers with an error, which is ignored.
func (s *Server) refreshInlayHints() {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
		defer cancel()
		if err := s.call(ctx, methodInlayHintRefresh, nil, nil); err != nil {
			s.log.Debug("inlay hint refresh", zap.Error(err))
		}
	}()
}

// evalStore keeps what the last evaluations of each open document left
// behind. The zero value is ready to use.
type evalStore struct {
	mu   sync.Mutex
	docs map[protocol.DocumentURI]*evalRecord
}

// evalRecord belongs to one version of one document.
type evalRecord struct {
	version int32
	diags   []evalItem[protocol.Diagnostic]
	hints   []evalItem[inlayHint]
}

// evalItem is a diagnostic or hint with the zero-based line it sits on, so
// that evaluating a range replaces only what lies in that range.
type evalItem[T any] struct {
	line int
	item T
}

// put records an evaluation of snap covering lines [span[0], span[1]]: what
// earlier evaluations of the same version left on those lines is replaced,
// the rest is kept.
func (st *evalStore) put(snap *Snapshot, span [2]int, diags []protocol.Diagnostic, hints []inlayHint) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.docs == nil {
		st.docs = map[protocol.DocumentURI]*evalRecord{}
	}
	rec := st.docs[snap.URI]
	if rec == nil || rec.version != snap.Version {
		rec = &evalRecord{version: snap.Version}
		st.docs[snap.URI] = rec
	}
	outside := func(line int) bool { return line < span[0] || line > span[1] }
	rec.diags = keepOutside(rec.diags, outside)
	for _, d := range diags {
		rec.diags = append(rec.diags, evalItem[protocol.Diagnostic]{int(d.Range.Start.Line), d})
	}
	rec.hints = keepOutside(rec.hints, outside)
	for _, h := range hints {
		rec.hints = append(rec.hints, evalItem[inlayHint]{int(h.Position.Line), h})
	}
}

func keepOutside[T any](items []evalItem[T], outside func(int) bool) []evalItem[T] {
	kept := items[:0:0]
	for _, it := range items {
		if outside(it.line) {
			kept = append(kept, it)
		}
	}
	return kept
}

// record returns the record of u at version, dropping a stale one.
func (st *evalStore) record(u protocol.DocumentURI, version *int32) *evalRecord {
	rec := st.docs[u]
	if rec == nil {
		return nil
	}
	if version == nil || rec.version != *version {
		// The document changed or closed: what the evaluation showed is gone.
		delete(st.docs, u)
		return nil
	}
	return rec
}

// diagnostics returns the evaluation diagnostics of u at version; publish
// appends them to the analysis diagnostics.
func (st *evalStore) diagnostics(u protocol.DocumentURI, version *int32) []protocol.Diagnostic {
	st.mu.Lock()
	defer st.mu.Unlock()
	rec := st.record(u, version)
	if rec == nil {
		return nil
	}
	out := make([]protocol.Diagnostic, 0, len(rec.diags))
	for _, d := range rec.diags {
		out = append(out, d.item)
	}
	return out
}

// hints returns the "--=" values of snap's version whose position lies in
// the byte span [start, end].
func (st *evalStore) hints(snap *Snapshot, start, end int) []inlayHint {
	st.mu.Lock()
	defer st.mu.Unlock()
	v := snap.Version
	rec := st.record(snap.URI, &v)
	if rec == nil {
		return nil
	}
	var out []inlayHint
	for _, h := range rec.hints {
		off := snap.Mapper.PositionOffset(h.item.Position)
		if off >= start && off <= end {
			out = append(out, h.item)
		}
	}
	return out
}

// setExecuteCommandProvider announces the commands the server executes.
func setExecuteCommandProvider(c *serverCapabilities) {
	c.ExecuteCommandProvider = &protocol.ExecuteCommandOptions{Commands: []string{commandEvaluate}}
}
