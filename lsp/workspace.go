package lsp

// This file analyses the workspace folder in the background: after
// initialized, every Lua file under the root is checked on a bounded pool,
// with work-done progress reported to clients that support it. Files that are
// not open get their diagnostics published without a version. Only what later
// requests need is kept per file (diagnostics and top-level symbols), not the
// syntax tree, so that a large workspace stays small in memory.

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/buflsp/buflsp/analysis"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
	"go.uber.org/zap"
)

// maxWorkspaceFiles bounds the background scan, so that opening a home
// directory as a workspace does not analyse every Lua file on the disk.
const maxWorkspaceFiles = 20_000

// workspaceFile is what the workspace index keeps for one file on disk.
type workspaceFile struct {
	diags   []protocol.Diagnostic
	symbols []protocol.SymbolInformation
}

type workspace struct {
	mu    sync.RWMutex
	files map[protocol.DocumentURI]*workspaceFile
	// pending holds the files on disk queued for analysis again because
	// a file they depend on changed (refreshDiskFiles), so that a burst
	// of changes queues each file once.
	pending map[string]bool
}

func newWorkspace() *workspace {
	return &workspace{files: map[protocol.DocumentURI]*workspaceFile{}, pending: map[string]bool{}}
}

// diskMode says why a file on disk is analysed, which decides how far
// its summary change reaches (see Snapshot.refresh and scanning).
type diskMode uint8

const (
	diskChanged diskMode = iota // saved or changed on disk: reaches open documents and dependent files
	diskScan                    // the workspace scan: reaches open documents only
	diskRefresh                 // a file it depends on changed: reaches nothing
)

// isLuaFile reports whether path is a file the server analyses.
func isLuaFile(path string) bool {
	ext := filepath.Ext(path)
	return ext == ".lua" || ext == ".luau"
}

// skipDir reports directories the scan never enters.
func skipDir(name string) bool {
	return name == ".git" || name == "node_modules" || name == ".hg" || name == ".svn" || (strings.HasPrefix(name, ".") && name != ".")
}

// ignored reports whether path matches one of the configured ignore globs
// (relative to root).
func ignored(root, path string, patterns []string) bool {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, p := range patterns {
		if ok, _ := filepath.Match(p, rel); ok {
			return true
		}
		if strings.HasSuffix(p, "/**") && strings.HasPrefix(rel, strings.TrimSuffix(p, "**")) {
			return true
		}
		if !strings.ContainsAny(p, "*?[") && (rel == p || strings.HasPrefix(rel, strings.TrimSuffix(p, "/")+"/")) {
			return true
		}
	}
	return false
}

// scanWorkspace analyses every Lua file under root.
func (s *Server) scanWorkspace(root string) {
	cfg := s.config()
	var paths []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable entries are skipped, not fatal
		}
		if s.ctx.Err() != nil {
			return filepath.SkipAll
		}
		if d.IsDir() {
			if path != root && skipDir(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if isLuaFile(path) && !ignored(root, path, cfg.Ignore) {
			if len(paths) >= maxWorkspaceFiles {
				return filepath.SkipAll
			}
			paths = append(paths, path)
		}
		return nil
	})
	if len(paths) >= maxWorkspaceFiles {
		s.log.Warn("workspace has too many Lua files; analysing only the first ones (open files are always analysed)",
			zap.String("root", root), zap.Int("limit", maxWorkspaceFiles))
	}
	if err != nil {
		s.log.Warn("walking workspace", zap.String("root", root), zap.Error(err))
	}
	s.log.Info("workspace scan", zap.String("root", root), zap.Int("files", len(paths)))
	for _, p := range paths {
		s.an.summaries.AddFile(p) // so that require finds files not analysed yet
	}
	prog := s.startProgress("buflsp: analysing workspace", len(paths))
	defer prog.end("done")

	jobs := make(chan string)
	var wg sync.WaitGroup
	var doneMu sync.Mutex
	done := 0
	// One worker per slot of the CPU budget; each file holds a slot while
	// it is analysed (analyseDiskFile), so that the scan shares the budget
	// with the analyses of open documents.
	for range s.cpu.size() {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				s.analyseDiskFile(path, diskScan)
				doneMu.Lock()
				done++
				n := done
				doneMu.Unlock()
				prog.report(n, filepath.Base(path))
			}
		}()
	}
	for _, p := range paths {
		select {
		case jobs <- p:
		case <-s.ctx.Done():
		}
		if s.ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	s.reanalyseWithFacts(paths)
}

// reanalyseWithFacts runs again, once the scan has filled the summary
// index, the analyses that the index now adds to: files on disk that
// require a module exporting buffer kinds or whose functions receive them,
// and the open documents. Files analysed before the modules they use were
// summarised would otherwise miss those values until their next change.
func (s *Server) reanalyseWithFacts(paths []string) {
	if s.ctx.Err() != nil || s.an.summaries.Summaries() == 0 {
		return
	}
	for _, p := range paths {
		if s.ctx.Err() != nil {
			return
		}
		src, err := analysis.ReadSourceFile(p, s.config().MaxFileSize)
		if err == nil && s.an.summaries.HasFacts(p, analysis.Requires(src)) {
			s.analyseDiskFile(p, diskScan)
		}
	}
	for _, snap := range s.store.reconfigure(s.config()) {
		s.sched.schedule(snap)
	}
}

// refreshDiskFiles analyses again, in the background, the files on disk
// among paths that the workspace scan analysed and the editor does not
// have open (open documents are refreshed by the store): a file they
// depend on changed what it exports or passes to them.
func (s *Server) refreshDiskFiles(paths []string) {
	for _, p := range paths {
		u := uri.File(p)
		if s.store.get(u) != nil {
			continue
		}
		s.ws.mu.Lock()
		_, known := s.ws.files[u]
		queued := s.ws.pending[p]
		if known && !queued {
			s.ws.pending[p] = true
		}
		s.ws.mu.Unlock()
		if !known || queued {
			continue
		}
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			s.analyseDiskFile(p, diskRefresh)
		}()
	}
}

// analyseDiskFile checks one file from disk and records and publishes the
// result, unless the file is open (its editor version wins). It holds a
// slot of the CPU budget while it reads and analyses the file.
func (s *Server) analyseDiskFile(path string, mode diskMode) {
	if !s.cpu.acquire(s.ctx) {
		return
	}
	if mode == diskRefresh {
		// Unqueued before the file is read: a change arriving from now
		// on queues it again, and that analysis reads the newer facts.
		s.ws.mu.Lock()
		delete(s.ws.pending, path)
		s.ws.mu.Unlock()
	}
	defer s.cpu.release(1)
	u := uri.File(path)
	// Only regular files up to the size cap: a .lua symlink to /dev/stdin
	// would read the server's own protocol stream, a FIFO would block.
	src, err := analysis.ReadSourceFile(path, s.config().MaxFileSize)
	if err != nil {
		if errors.Is(err, analysis.ErrSkipped) {
			s.log.Info("workspace file not read", zap.String("path", path), zap.Error(err))
		}
		s.ws.remove(u)
		return
	}
	s.an.summaries.SetRequires(path, analysis.Requires(src))
	snap := newSnapshot(u, 0, src, s.config(), s.an)
	snap.refresh = mode == diskRefresh
	snap.scanning = mode == diskScan
	res := snap.Analysis()
	wf := &workspaceFile{
		diags:   toDiagnostics(snap.Mapper, u, res.Diagnostics),
		symbols: workspaceSymbols(snap),
	}
	s.ws.mu.Lock()
	s.ws.files[u] = wf
	s.ws.mu.Unlock()
	if s.store.get(u) == nil {
		s.publish(u, nil, wf.diags)
	}
}

func (w *workspace) remove(u protocol.DocumentURI) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.files, u)
}

// republish sends the workspace diagnostics of u (or none) after its editor
// closed it.
func (w *workspace) republish(s *Server, u protocol.DocumentURI) {
	w.mu.RLock()
	wf := w.files[u]
	w.mu.RUnlock()
	if wf == nil {
		s.publish(u, nil, nil)
		return
	}
	s.publish(u, nil, wf.diags)
}

func (s *Server) didChangeWatchedFiles(ctx context.Context, p *protocol.DidChangeWatchedFilesParams) error {
	for _, ev := range p.Changes {
		path := uriPath(string(ev.URI))
		switch {
		case isConfigFile(path):
			s.reloadConfig()
		case !isLuaFile(path):
		case ev.Type == protocol.FileChangeTypeDeleted:
			s.ws.remove(ev.URI)
			deps := s.an.summaries.Dependents(path, nil)
			s.an.summaries.RemoveFile(path)
			if s.store.get(ev.URI) == nil {
				s.publish(ev.URI, nil, nil)
			}
			s.refreshDiskFiles(deps)
		default:
			s.bg.Add(1)
			go func() {
				defer s.bg.Done()
				s.analyseDiskFile(path, diskChanged)
			}()
		}
	}
	return nil
}

// reloadConfig rereads .buflsp.toml and re-analyses open documents.
func (s *Server) reloadConfig() {
	s.mu.Lock()
	user := s.settings.user
	s.mu.Unlock()
	s.applySettings(user, s.root())
}

// registerWatchers asks the client to watch Lua files and the config files.
func (s *Server) registerWatchers() {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
		defer cancel()
		params := &protocol.RegistrationParams{Registrations: []protocol.Registration{{
			ID:     "buflsp-watch",
			Method: protocol.MethodWorkspaceDidChangeWatchedFiles,
			RegisterOptions: protocol.DidChangeWatchedFilesRegistrationOptions{Watchers: []protocol.FileSystemWatcher{
				{GlobPattern: "**/*.lua"}, {GlobPattern: "**/*.luau"}, {GlobPattern: "**/.buflsp.toml"},
				{GlobPattern: "**/.luarc.json"}, {GlobPattern: "**/.luarc.jsonc"},
			}},
		}}}
		if err := s.call(ctx, protocol.MethodClientRegisterCapability, params, nil); err != nil {
			s.log.Info("client did not register file watchers", zap.Error(err))
		}
	}()
}

// progress reports work-done progress for one task, or nothing when the
// client cannot show it.
type progress struct {
	s     *Server
	token string
	total int
	last  time.Time
	mu    sync.Mutex
}

func (s *Server) startProgress(title string, total int) *progress {
	s.mu.Lock()
	ok := s.client.workDoneProgress
	s.nextID++
	token := "buflsp-progress-" + itoa(int(s.nextID))
	s.mu.Unlock()
	p := &progress{s: s, total: total}
	if !ok {
		return p
	}
	ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
	defer cancel()
	if err := s.call(ctx, protocol.MethodWorkDoneProgressCreate, &protocol.WorkDoneProgressCreateParams{Token: *protocol.NewProgressToken(token)}, nil); err != nil {
		s.log.Info("client refused progress", zap.Error(err))
		return p
	}
	p.token = token
	s.notify(protocol.MethodProgress, &protocol.ProgressParams{Token: *protocol.NewProgressToken(token), Value: &protocol.WorkDoneProgressBegin{
		Kind: protocol.WorkDoneProgressKindBegin, Title: title, Message: itoa(total) + " files", Percentage: 0,
	}})
	return p
}

func (p *progress) report(done int, msg string) {
	if p.token == "" {
		return
	}
	p.mu.Lock()
	// At most ten reports a second: progress must not flood the stream.
	if time.Since(p.last) < 100*time.Millisecond && done < p.total {
		p.mu.Unlock()
		return
	}
	p.last = time.Now()
	p.mu.Unlock()
	pct := uint32(100)
	if p.total > 0 {
		pct = uint32(done * 100 / p.total)
	}
	p.s.notify(protocol.MethodProgress, &protocol.ProgressParams{Token: *protocol.NewProgressToken(p.token), Value: &protocol.WorkDoneProgressReport{
		Kind: protocol.WorkDoneProgressKindReport, Message: itoa(done) + "/" + itoa(p.total) + " " + msg, Percentage: pct,
	}})
}

func (p *progress) end(msg string) {
	if p.token == "" {
		return
	}
	p.s.notify(protocol.MethodProgress, &protocol.ProgressParams{Token: *protocol.NewProgressToken(p.token), Value: &protocol.WorkDoneProgressEnd{
		Kind: protocol.WorkDoneProgressKindEnd, Message: msg,
	}})
}
