package proc

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"time"

	"github.com/buflsp/buflsp/runtime/sandbox"
)

// killGrace is how long after the deadline the parent waits for the
// child's own answer before it kills the child. The sandbox inside the child
// stops at the deadline and gives a Go call that does not return another
// half second (sandbox's abandonGrace), so its answer, when it can give
// one, arrives first; the kill keeps every run within a second of it, with
// room left for starting and reaping processes on a loaded machine.
const killGrace = 600 * time.Millisecond

// rssSlack is how far a child's resident set may exceed the memory cap
// before the parent kills it: the worker's own runtime, code and buffers
// take about 10 MiB, and the watch samples every rssInterval, so a child
// that grows fast still ends below the cap plus 64 MiB.
const rssSlack = 40 << 20

// rssInterval is how often the parent samples a running child's resident
// set.
const rssInterval = 5 * time.Millisecond

// stderrHead is how much of a child's stderr is kept for classify.
const stderrHead = 8 << 10

// Evaluator runs one evaluation. Pool runs it in a child process; Local in
// the calling process, for tests and hosts without an executable to start.
type Evaluator interface {
	Evaluate(ctx context.Context, src []byte, spec Spec) *sandbox.Result
}

// Local evaluates in the calling process, with the sandbox's in-process
// limits only.
type Local struct {
	Frontends Frontends
}

// Evaluate implements Evaluator.
func (l Local) Evaluate(ctx context.Context, src []byte, spec Spec) *sandbox.Result {
	return sandbox.Evaluate(ctx, src, Options(spec, l.Frontends))
}

// Pool evaluates each request in a fresh child process started from
// Command (the buflsp executable and WorkerCommand). With Warm set it keeps
// one child started ahead of the next request. The zero value is not
// usable; Close stops the warm child.
type Pool struct {
	// Command is the program and arguments of a child.
	Command []string
	// Warm keeps one child ready.
	Warm bool

	mu     sync.Mutex
	warm   *child
	closed bool
	reap   sync.WaitGroup // children that answered and are exiting
	// running holds a slot per evaluation under way: a burst of requests
	// waits for a slot instead of starting a child (of up to the memory cap
	// each) per request.
	running chan struct{}
}

// NewPool returns a pool that starts children with command and runs at most
// one evaluation per CPU at a time.
func NewPool(command []string, warm bool) *Pool {
	return &Pool{Command: command, Warm: warm, running: make(chan struct{}, max(1, runtime.NumCPU()))}
}

// child is one started worker process.
type child struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout io.ReadCloser
	stderr *headWriter
}

func (p *Pool) start() (*child, error) {
	if len(p.Command) == 0 {
		return nil, errors.New("no worker command")
	}
	cmd := exec.Command(p.Command[0], p.Command[1:]...)
	// One P: the snippet is single-threaded, and the child should not take
	// more than one core from the process that asked. No traceback: a fatal
	// error prints its one-line reason and nothing else.
	cmd.Env = append(os.Environ(), "GOMAXPROCS=1", "GOTRACEBACK=none", "GOGC=100")
	c := &child{cmd: cmd, stderr: &headWriter{max: stderrHead}}
	cmd.Stderr = c.stderr
	var err error
	if c.stdin, err = cmd.StdinPipe(); err != nil {
		return nil, err
	}
	if c.stdout, err = cmd.StdoutPipe(); err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the evaluation worker %s: %w", p.Command[0], err)
	}
	return c, nil
}

// take returns the warm child, or a new one, and starts the next warm one.
func (p *Pool) take() (*child, error) {
	p.mu.Lock()
	c := p.warm
	p.warm = nil
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return nil, errors.New("the evaluation pool is closed")
	}
	if p.Warm {
		go p.refill()
	}
	if c != nil {
		return c, nil
	}
	return p.start()
}

// refill starts a warm child if there is none.
func (p *Pool) refill() {
	c, err := p.start()
	if err != nil {
		return // the next take starts one itself and reports the error
	}
	p.mu.Lock()
	if p.warm == nil && !p.closed {
		p.warm, c = c, nil
	}
	p.mu.Unlock()
	if c != nil {
		c.stop()
	}
}

// Close stops the warm child and waits until every child that answered has
// exited; later evaluations fail.
func (p *Pool) Close() {
	p.mu.Lock()
	c := p.warm
	p.warm, p.closed = nil, true
	p.mu.Unlock()
	if c != nil {
		c.stop()
	}
	p.reap.Wait()
}

// stop ends an idle child: closing its input makes it exit, the kill makes
// sure, and Wait reaps it.
func (c *child) stop() {
	c.stdin.Close()
	c.cmd.Process.Kill()
	c.cmd.Wait()
}

// Evaluate implements Evaluator: it runs src in a child and returns the
// child's result, or the limit the child hit when it died without one. It
// returns within killGrace of spec's deadline, or when ctx ends.
func (p *Pool) Evaluate(ctx context.Context, src []byte, spec Spec) *sandbox.Result {
	start := time.Now()
	spec = spec.withDefaults()
	res := &sandbox.Result{Values: []sandbox.Value{}}
	defer func() { res.Duration = time.Since(start) }()
	select {
	case p.running <- struct{}{}:
		defer func() { <-p.running }()
	case <-ctx.Done():
		res.Err = &sandbox.Error{Kind: sandbox.KindCanceled, Message: "the evaluation was canceled by its caller"}
		return res
	}
	c, err := p.take()
	if err != nil {
		res.Err = &sandbox.Error{Kind: sandbox.KindInternal, Message: err.Error()}
		return res
	}

	answer := make(chan *response, 1)
	go func() {
		// A write to a child that died early fails; its death is read below.
		if writeFrame(c.stdin, request{Spec: spec, Src: src}) != nil {
			c.stdin.Close()
		}
	}()
	go func() {
		var r response
		if readFrame(c.stdout, &r, spec.MaxOutput+maxFrameExtra) != nil || r.Result == nil {
			answer <- nil
			return
		}
		answer <- &r
	}()

	timer := time.NewTimer(spec.Timeout + killGrace)
	defer timer.Stop()
	watch := time.NewTicker(rssInterval)
	defer watch.Stop()
	killed := false
	var peak int64
	var got *response
wait:
	for {
		select {
		case got = <-answer:
			break wait
		case <-timer.C:
			killed = true
			break wait
		case <-watch.C:
			if rss, ok := residentBytes(c.cmd.Process.Pid); ok && rss > spec.MaxMemory+rssSlack {
				peak = rss
				break wait
			}
			continue
		case <-ctx.Done():
			c.cmd.Process.Kill()
			c.cmd.Wait()
			res.Err = &sandbox.Error{Kind: sandbox.KindCanceled, Message: "the evaluation was canceled by its caller"}
			return res
		}
	}
	if got != nil {
		// The child exits by itself once it has answered; reap it off the
		// caller's path (Close waits for it, and kills a straggler).
		p.reap.Add(1)
		go func() {
			defer p.reap.Done()
			t := time.AfterFunc(killGrace, func() { c.cmd.Process.Kill() })
			defer t.Stop()
			c.cmd.Wait()
		}()
		got.Result.Inline = got.Inline
		if got.Result.Values == nil {
			got.Result.Values = []sandbox.Value{}
		}
		*res = *got.Result
		return res
	}
	c.cmd.Process.Kill()
	waitErr := c.cmd.Wait()
	d := death{err: waitErr, stderr: c.stderr.buf.Bytes(), killed: killed, resident: peak, spec: spec}
	if ps := c.cmd.ProcessState; ps != nil {
		d.cpu = ps.UserTime() + ps.SystemTime()
	}
	res.Err = d.classify()
	return res
}

// maxFrameExtra is what an answer may hold beyond the captured output:
// rendered values and inline values, which the sandbox bounds as well.
const maxFrameExtra = 64 << 20
