package lsp

// This file holds the Server: its state, the read loop that decodes each
// message and dispatches it, and the plumbing for replies, notifications and
// the server's own requests to the client.
//
// Concurrency model: notifications (didOpen, didChange, ...) run on the read
// loop, in the order they arrive, and only update state; every request runs on
// its own goroutine with a context that $/cancelRequest cancels. Because a
// request's goroutine starts after every earlier notification was applied, a
// request always sees at least the document version sent before it.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/runtime/sandbox/proc"
)

// Options configure a Server. The zero value is usable.
type Options struct {
	// Logger receives the server's log; nil discards it. It must never write
	// to the protocol stream.
	Logger *zap.Logger
	// Debounce is how long analysis waits after an edit for more edits before
	// it starts (default 5ms: enough to coalesce changes sent together, short
	// next to the time between keystrokes).
	Debounce time.Duration
	// NoWorkspaceScan turns off the background analysis of the workspace
	// folder that starts after initialized.
	NoWorkspaceScan bool
	// backgroundSlots overrides the size of the CPU budget of background
	// analysis (budget.go); 0 means all cores but one. Benchmarks set it
	// to compare with a budget as large as the machine.
	backgroundSlots int
	// Version is reported to the client in serverInfo.
	Version string
	// Evaluator runs buflsp.evaluate. `buflsp serve` passes a proc.Pool, so
	// that every evaluation runs in a child process with OS limits; nil
	// evaluates in this process (tests of the protocol side).
	Evaluator proc.Evaluator
}

// DefaultDebounce is the delay between an edit and its analysis when
// Options.Debounce is zero.
const DefaultDebounce = 5 * time.Millisecond

// lifecycle is the state of the LSP session.
type lifecycle int

const (
	stateNew lifecycle = iota + 1
	stateRunning
	stateShutdown
	stateExited
)

// Server is one LSP session. Create it with NewServer and run it with Serve;
// a Server serves a single connection.
type Server struct {
	opts   Options
	log    *zap.Logger
	an     *analyzer
	routes map[string]route
	store  *store
	sched  *scheduler
	ws     *workspace
	// cpu is the budget every CPU-heavy background task holds a slot of
	// while it runs (budget.go); requests never take one.
	cpu   *cpuBudget
	evals evalStore // what explicit evaluations left per document (evaluate.go)

	out *frameWriter

	// ctx is cancelled when the session ends; background work watches it.
	ctx    context.Context
	cancel context.CancelFunc
	bg     sync.WaitGroup

	mu       sync.Mutex
	state    lifecycle
	exitCode int
	client   clientInfo
	settings *settings
	// initializedSeen is set by the initialized notification: from then on
	// the server may publish (configuration problems wait for it).
	initializedSeen bool
	configSent      configReport // the configuration problems last reported
	// settingsProblems is the last set of settings problems shown.
	settingsProblems string
	requests         map[jsonrpc2.ID]context.CancelFunc
	pending          map[jsonrpc2.ID]chan *jsonrpc2.Response
	nextID           int32
}

// NewServer builds a server.
func NewServer(opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = zap.NewNop()
	}
	if opts.Version == "" {
		opts.Version = "devel"
	}
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	cpu := newCPUBudget(backgroundSlots())
	if opts.backgroundSlots > 0 {
		cpu = newCPUBudget(opts.backgroundSlots)
	}
	s := &Server{
		opts:     opts,
		log:      opts.Logger,
		cpu:      cpu,
		an:       newAnalyzer(cpu),
		state:    stateNew,
		exitCode: 1,
		settings: defaultSettings(),
		requests: map[jsonrpc2.ID]context.CancelFunc{},
		pending:  map[jsonrpc2.ID]chan *jsonrpc2.Response{},
	}
	s.routes = routeTable()
	s.store = newStore()
	s.sched = newScheduler(s)
	s.ws = newWorkspace()
	s.an.summaryChanged = func(changed protocol.DocumentURI, dependents []string) {
		// What changed document exports or passes to others changed:
		// the other open documents see it on their next analysis, and
		// the files on disk that depend on it are analysed again.
		for _, snap := range s.store.refresh(changed) {
			s.sched.schedule(snap)
		}
		s.refreshDiskFiles(dependents)
	}
	return s
}

// ExitCode is the process exit code the session asks for: 0 when the client
// sent shutdown before exit, 1 otherwise (LSP "exit" notification).
func (s *Server) ExitCode() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.exitCode
}

// Serve reads messages from rw until the client sends exit, the stream ends or
// ctx is cancelled. It returns nil after exit or a clean end of input.
func (s *Server) Serve(ctx context.Context, rw io.ReadWriter) error {
	s.ctx, s.cancel = context.WithCancel(ctx)
	defer func() {
		s.cancel()
		s.sched.stop()
		s.bg.Wait()
	}()
	s.out = &frameWriter{out: rw}
	in := newFrameReader(rw)
	type frame struct {
		body []byte
		err  error
	}
	frames := make(chan frame)
	// The reader runs on its own goroutine so that a cancelled ctx ends Serve
	// even while the client sends nothing.
	go func() {
		for {
			body, err := in.Read()
			select {
			case frames <- frame{body, err}:
			case <-s.ctx.Done():
				return
			}
			if err != nil && !errors.Is(err, errTooLarge) {
				return
			}
		}
	}()
	for {
		var f frame
		select {
		case <-s.ctx.Done():
			return s.ctx.Err()
		case f = <-frames:
		}
		if f.err != nil {
			if errors.Is(f.err, errTooLarge) {
				s.log.Warn("skipped oversized message", zap.Error(f.err))
				s.replyError(nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, f.err.Error()))
				continue
			}
			if errors.Is(f.err, io.EOF) {
				s.log.Info("client closed the stream")
				return nil
			}
			return fmt.Errorf("reading message: %w", f.err)
		}
		if done := s.handleFrame(f.body); done {
			return nil
		}
	}
}

// handleFrame decodes and dispatches one message; it reports whether the
// session is over (the client sent exit).
func (s *Server) handleFrame(body []byte) bool {
	if err := checkJSONDepth(body); err != nil {
		s.log.Warn("refused message", zap.Error(err), zap.ByteString("body", truncate(body, 200)))
		s.replyError(idOf(body), jsonrpc2.NewError(jsonrpc2.InvalidRequest, err.Error()))
		return false
	}
	msg, err := jsonrpc2.DecodeMessage(body)
	if err != nil {
		s.log.Warn("malformed message", zap.Error(err), zap.ByteString("body", truncate(body, 200)))
		s.replyError(idOf(body), jsonrpc2.NewError(jsonrpc2.ParseError, fmt.Sprintf("malformed JSON-RPC message: %v", err)))
		return false
	}
	switch msg := msg.(type) {
	case *jsonrpc2.Response:
		s.mu.Lock()
		ch, ok := s.pending[msg.ID()]
		delete(s.pending, msg.ID())
		s.mu.Unlock()
		if ok {
			ch <- msg
		}
	case *jsonrpc2.Notification:
		return s.handleNotification(msg)
	case *jsonrpc2.Call:
		s.handleCall(msg)
	}
	return false
}

func (s *Server) handleNotification(n *jsonrpc2.Notification) bool {
	method := n.Method()
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch method {
	case "exit":
		s.mu.Lock()
		if s.state == stateShutdown {
			s.exitCode = 0
		}
		s.state = stateExited
		s.mu.Unlock()
		return true
	case protocol.MethodCancelRequest:
		s.cancelRequest(n.Params())
		return false
	}
	if state != stateRunning && method != protocol.MethodInitialized {
		// Before initialize, and after shutdown, notifications are dropped
		// (the specification says so for everything but exit).
		s.log.Debug("dropped notification outside the running state", zap.String("method", method))
		return false
	}
	r, ok := s.routes[method]
	if !ok || !r.notify {
		s.log.Debug("ignored unknown notification", zap.String("method", method))
		return false
	}
	s.run(context.Background(), method, r, n.Params(), nil)
	return false
}

func (s *Server) handleCall(c *jsonrpc2.Call) {
	method, id := c.Method(), c.ID()
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case state == stateNew && method != protocol.MethodInitialize:
		s.replyError(&id, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, method+": the server is not initialized yet (send initialize first)"))
		return
	case state == stateRunning && method == protocol.MethodInitialize:
		s.replyError(&id, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize: the server is already initialized"))
		return
	case state == stateShutdown:
		s.replyError(&id, jsonrpc2.NewError(jsonrpc2.InvalidRequest, method+": the server is shut down (only exit is accepted)"))
		return
	}
	r, ok := s.routes[method]
	if !ok || r.notify {
		s.replyError(&id, jsonrpc2.NewError(jsonrpc2.MethodNotFound, fmt.Sprintf("method %q is not supported by buflsp", method)))
		return
	}
	if r.inline {
		s.run(context.Background(), method, r, c.Params(), &id)
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	s.mu.Lock()
	s.requests[id] = cancel
	s.mu.Unlock()
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		defer func() {
			s.mu.Lock()
			delete(s.requests, id)
			s.mu.Unlock()
			cancel()
		}()
		s.run(ctx, method, r, c.Params(), &id)
	}()
}

// run calls a handler, turning a panic into an internal error so that one bad
// request never takes the server down, and replies when id is not nil.
func (s *Server) run(ctx context.Context, method string, r route, params json.RawMessage, id *jsonrpc2.ID) {
	start := time.Now()
	result, err := func() (result any, err error) {
		defer func() {
			if v := recover(); v != nil {
				s.log.Error("handler panicked", zap.String("method", method), zap.Any("panic", v), zap.ByteString("stack", debug.Stack()))
				err = jsonrpc2.NewError(jsonrpc2.InternalError, fmt.Sprintf("%s: internal error (please report): %v", method, v))
			}
		}()
		return r.handle(ctx, s, params)
	}()
	if ctx.Err() != nil && id != nil {
		err = jsonrpc2.NewError(jsonrpc2.Code(-32800), method+": request cancelled")
	}
	s.log.Debug("handled", zap.String("method", method), zap.Duration("took", time.Since(start)), zap.Error(err))
	if id == nil {
		if err != nil {
			s.log.Warn("notification failed", zap.String("method", method), zap.Error(err))
		}
		return
	}
	if err != nil {
		var rpcErr *jsonrpc2.Error
		if !errors.As(err, &rpcErr) {
			rpcErr = jsonrpc2.NewError(jsonrpc2.InternalError, err.Error())
		}
		s.replyError(id, rpcErr)
		return
	}
	resp, rerr := jsonrpc2.NewResponse(*id, result, nil)
	if rerr != nil {
		s.log.Error("encoding result", zap.String("method", method), zap.Error(rerr))
		s.replyError(id, jsonrpc2.NewError(jsonrpc2.InternalError, "encoding result: "+rerr.Error()))
		return
	}
	s.write(resp)
}

// cancelRequest handles $/cancelRequest.
func (s *Server) cancelRequest(params json.RawMessage) {
	var p struct {
		ID jsonrpc2.ID `json:"id"`
	}
	if err := json.Unmarshal(params, &p); err != nil {
		s.log.Debug("malformed $/cancelRequest", zap.Error(err))
		return
	}
	s.mu.Lock()
	cancel := s.requests[p.ID]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// replyError sends an error response; a nil id is written as JSON null, as the
// specification requires when the request's id could not be read.
func (s *Server) replyError(id *jsonrpc2.ID, e *jsonrpc2.Error) {
	if id != nil {
		resp, err := jsonrpc2.NewResponse(*id, nil, e)
		if err == nil {
			s.write(resp)
			return
		}
	}
	body, err := json.Marshal(struct {
		Version string          `json:"jsonrpc"`
		ID      *int            `json:"id"`
		Error   *jsonrpc2.Error `json:"error"`
	}{"2.0", nil, e})
	if err != nil {
		s.log.Error("encoding error reply", zap.Error(err))
		return
	}
	if err := s.out.WriteRaw(body); err != nil {
		s.log.Warn("writing reply", zap.Error(err))
	}
}

// notify sends a notification to the client.
func (s *Server) notify(method string, params any) {
	n, err := jsonrpc2.NewNotification(method, params)
	if err != nil {
		s.log.Error("encoding notification", zap.String("method", method), zap.Error(err))
		return
	}
	s.write(n)
}

// call sends a request to the client and waits for its response.
func (s *Server) call(ctx context.Context, method string, params, result any) error {
	s.mu.Lock()
	s.nextID++
	id := jsonrpc2.NewStringID(fmt.Sprintf("buflsp-%d", s.nextID))
	ch := make(chan *jsonrpc2.Response, 1)
	s.pending[id] = ch
	s.mu.Unlock()
	c, err := jsonrpc2.NewCall(id, method, params)
	if err != nil {
		return fmt.Errorf("encoding %s: %w", method, err)
	}
	s.write(c)
	select {
	case resp := <-ch:
		if resp.Err() != nil {
			return fmt.Errorf("%s: %w", method, resp.Err())
		}
		if result != nil && len(resp.Result()) > 0 {
			if err := json.Unmarshal(resp.Result(), result); err != nil {
				return fmt.Errorf("decoding %s result: %w", method, err)
			}
		}
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		delete(s.pending, id)
		s.mu.Unlock()
		return ctx.Err()
	}
}

func (s *Server) write(msg jsonrpc2.Message) {
	if err := s.out.Write(msg); err != nil {
		s.log.Warn("writing message", zap.Error(err))
	}
}

// idOf digs the id out of a message that failed to decode, so that the error
// reply can name it; it returns nil when there is none.
func idOf(body []byte) *jsonrpc2.ID {
	var probe struct {
		ID *jsonrpc2.ID `json:"id"`
	}
	if json.Unmarshal(body, &probe) != nil {
		return nil
	}
	return probe.ID
}

func truncate(b []byte, n int) []byte {
	if len(b) > n {
		return b[:n]
	}
	return b
}

// newAnalyzer builds the session's checker; the API table is the
// checker's own, so that the features and the rules resolve against one.
// Background analyses hold slots of cpu.
func newAnalyzer(cpu *cpuBudget) *analyzer {
	c := analysis.NewChecker()
	return &analyzer{checker: c, api: c.API(), cpu: cpu, summaries: analysis.NewWorkspace()}
}
