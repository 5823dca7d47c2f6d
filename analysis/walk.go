package analysis

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/buflsp/buflsp/analysis/semantic"
)

// PathsOptions controls CheckPaths.
type PathsOptions struct {
	// Config returns the configuration for a path given on the command line
	// (a file or a directory). It is called once per argument.
	Config func(arg string) (*Config, error)
	// Jobs bounds the number of files checked at once; 0 means GOMAXPROCS.
	Jobs int
	// Fix applies quick fixes and rewrites the files.
	Fix bool
	// DryRun, with Fix, computes the fixed text into FileResult.FixedSrc
	// and leaves the files alone (check --fix --diff).
	DryRun bool
	// Progress, when set, is called after each file with the count done so
	// far and the total. Calls come from several goroutines, one at a time.
	Progress func(done, total int)

	// workspace is set by CheckPaths from its first phase (summarize).
	workspace *Workspace
}

// FileResult is the outcome for one file. Exactly one of Result and Err is
// set; Err means the file could not be read (or written back by --fix).
type FileResult struct {
	Path   string // as shown to the user: relative to the argument it came from
	Result *Result
	Err    error
	Fixed  int // fixes applied by --fix
	// Src and FixedSrc are the text before and after the fixes; they are
	// kept only in a dry run, which shows them as a diff.
	Src, FixedSrc []byte
	FixErr        error
	Skipped       bool // --fix was not applied because of syntax errors
	// NotRead, for a file found in a directory, says why it was not read
	// (not a regular file, over the size cap; see ReadSourceFile): a note
	// for the user, not an error of the run. Result and Err are nil then.
	NotRead error
}

// job is one file to check with the configuration that governs it.
type job struct {
	path     string
	cfg      *Config
	explicit bool // named on the command line, not found in a directory
}

// CheckPaths checks every .lua and .luau file under the given paths in
// parallel and returns the results sorted by path. A path that does not
// exist or a configuration that cannot be loaded gives a FileResult with Err;
// the other paths are still checked.
func (c *Checker) CheckPaths(paths []string, opts PathsOptions) []FileResult {
	var jobs []job
	var results []FileResult
	for _, arg := range paths {
		cfg := DefaultConfig()
		if opts.Config != nil {
			var err error
			if cfg, err = opts.Config(arg); err != nil {
				results = append(results, FileResult{Path: arg, Err: err})
				continue
			}
		}
		found, explicit, errs := collect(arg, cfg)
		results = append(results, errs...)
		for _, p := range found {
			jobs = append(jobs, job{path: p, cfg: cfg, explicit: explicit})
		}
	}
	jobs = dedupe(jobs)
	var done []*FileResult
	opts.workspace, done = c.summarize(jobs, opts)
	checked := c.run(jobs, opts, done)
	results = append(results, checked...)
	sort.SliceStable(results, func(i, j int) bool { return results[i].Path < results[j].Path })
	return results
}

func dedupe(jobs []job) []job {
	seen := map[string]bool{}
	out := jobs[:0]
	for _, j := range jobs {
		abs, err := filepath.Abs(j.path)
		if err != nil {
			abs = j.path
		}
		if !seen[abs] {
			seen[abs] = true
			out = append(out, j)
		}
	}
	return out
}

// run checks the jobs with a bounded pool of goroutines.
func (c *Checker) run(jobs []job, opts PathsOptions, pre []*FileResult) []FileResult {
	out := make([]FileResult, len(jobs))
	var mu sync.Mutex
	done := 0
	parallel(opts.Jobs, len(jobs), func(i int) {
		if pre[i] != nil {
			out[i] = *pre[i] // checked by the first phase, and the workspace adds nothing
		} else {
			out[i] = keepFindings(c.checkFile(jobs[i], opts))
		}
		if opts.Progress != nil {
			mu.Lock()
			done++
			opts.Progress(done, len(jobs))
			mu.Unlock()
		}
	})
	return out
}

// parallel calls fn(0..count-1) on at most n goroutines (0: GOMAXPROCS).
func parallel(n, count int, fn func(i int)) {
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(n, max(count, 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < count; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// summarize is the first phase of a check: the workspace pass. Files that
// mention "buffer" are checked alone and summarised; then the files that
// require a module of interest (one that exports a buffer kind, or whose
// functions some file calls with one) are inferred again with the
// modules' exports, so that their calls of the modules' functions reach
// the modules' parameters. Only the summaries, each file's list of
// required modules and the findings outlive this phase. A file of the
// first step to which the workspace then adds nothing keeps its findings
// (returned in pre, by job); every other file is checked by run. Two steps
// bound the cost: a kind that would need a third to arrive is not carried.
func (c *Checker) summarize(jobs []job, opts PathsOptions) (ws *Workspace, pre []*FileResult) {
	ws = NewWorkspace()
	for _, j := range jobs {
		ws.AddFile(j.path)
	}
	n := opts.Jobs
	reqs := make([][]string, len(jobs))
	sums := make([]*semantic.Summary, len(jobs))
	pre = make([]*FileResult, len(jobs))
	parallel(n, len(jobs), func(i int) {
		src, err := ReadSourceFile(jobs[i].path, jobs[i].cfg.MaxFileSize)
		if err != nil {
			return
		}
		reqs[i] = Requires(src)
		if !bytes.Contains(src, []byte("buffer")) {
			return
		}
		if opts.Fix {
			// Fixes are applied once, by the second phase.
			sums[i] = c.Parse(jobs[i].path, src, jobs[i].cfg).Summary()
			return
		}
		fr := c.CheckText(jobs[i].path, src, jobs[i].cfg, opts)
		sums[i] = fr.Result.Summary()
		fr = keepFindings(fr)
		pre[i] = &fr
	})
	for i, s := range sums {
		ws.SetSummary(jobs[i].path, s)
	}
	if ws.Summaries() > 0 {
		again := make([]bool, len(jobs))
		for i, j := range jobs {
			again[i] = ws.NeedsSummary(j.path, reqs[i])
		}
		parallel(n, len(jobs), func(i int) {
			if !again[i] {
				return
			}
			src, err := ReadSourceFile(jobs[i].path, jobs[i].cfg.MaxFileSize)
			if err != nil {
				return
			}
			sums[i] = c.parseForSummary(ws, jobs[i].path, src, jobs[i].cfg).Summary()
		})
		// Set after the step, so that every file of it saw one join.
		for i, s := range sums {
			if again[i] {
				ws.SetSummary(jobs[i].path, s)
			}
		}
	}
	for i, j := range jobs {
		if pre[i] != nil && ws.HasFacts(j.path, reqs[i]) {
			pre[i] = nil
		}
	}
	return ws, pre
}

// checkFile reads one file and checks it with CheckText. A file found in
// a directory that is not a regular file or is over the size cap is noted
// and left alone; named on the command line, it is an error.
func (c *Checker) checkFile(j job, opts PathsOptions) FileResult {
	src, err := ReadSourceFile(j.path, j.cfg.MaxFileSize)
	if err != nil {
		err = unwrapPathError(err)
		if errors.Is(err, ErrSkipped) && !j.explicit {
			return FileResult{Path: j.path, NotRead: err}
		}
		return FileResult{Path: j.path, Err: fmt.Errorf("reading: %w", err)}
	}
	return c.CheckText(j.path, src, j.cfg, opts)
}

// CheckText checks src, read from path (or from standard input), and with
// opts.Fix applies the quick fixes: into FileResult.FixedSrc in a dry run,
// else back to path. Fixes are only applied to files without syntax
// errors, because edits computed on a partial tree could make things worse;
// after fixing, the text is checked again so that the reported diagnostics
// describe what is on disk.
func (c *Checker) CheckText(path string, src []byte, cfg *Config, opts PathsOptions) FileResult {
	fr := FileResult{Path: path, Result: c.CheckIn(opts.workspace, path, src, cfg)}
	if !opts.Fix {
		return fr
	}
	if hasSyntaxErrors(fr.Result) {
		fr.Skipped = hasFixes(fr.Result)
		return fr
	}
	fixed, n := ApplyFixes(src, fr.Result.Diagnostics)
	if n == 0 {
		return fr
	}
	if opts.DryRun {
		fr.Fixed, fr.Src, fr.FixedSrc = n, src, fixed
		return fr
	}
	if err := WriteFileAtomic(path, fixed); err != nil {
		fr.FixErr = err
		return fr
	}
	fr.Fixed = n
	fr.Result = c.CheckIn(opts.workspace, path, fixed, cfg)
	return fr
}

func hasSyntaxErrors(r *Result) bool {
	return len(r.File.Errors) > 0
}

func hasFixes(r *Result) bool {
	for _, d := range r.Diagnostics {
		if len(d.Fixes) > 0 {
			return true
		}
	}
	return false
}

// unwrapPathError drops the path from an *fs.PathError, since the caller
// shows the path already.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// IsLuaFile reports whether the walker checks a file with this name.
func IsLuaFile(name string) bool {
	ext := filepath.Ext(name)
	return ext == ".lua" || ext == ".luau"
}

// collect lists the Lua files of one argument. A file argument is taken as
// is (even with another extension) unless the configuration ignores it; a
// directory is walked, skipping hidden directories, what the configuration
// ignores and what .gitignore files along the way ignore. A symlink to a
// directory is walked like the directory (symlinks met inside are not
// followed into directories). explicit reports a file argument.
func collect(arg string, cfg *Config) (files []string, explicit bool, errs []FileResult) {
	st, err := os.Stat(arg)
	if err != nil {
		return nil, false, []FileResult{{Path: arg, Err: unwrapPathError(err)}}
	}
	base := ""
	if cfg.Path != "" {
		base = filepath.Dir(cfg.Path)
	}
	cfgIgnore := compileIgnore(absSlash(base), cfg.Ignore)
	if !st.IsDir() {
		if cfg.Path != "" && cfgIgnore.matchWithParents(absSlash(arg)) {
			return nil, true, nil
		}
		return []string{arg}, true, nil
	}
	root := arg
	if lst, err := os.Lstat(arg); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
		// WalkDir does not follow a symlink at its root: it would report
		// the link itself and check nothing. A trailing separator makes
		// the system resolve it.
		root = arg + string(filepath.Separator)
	}
	// gitignores maps a directory to the rules in effect inside it.
	gitignores := map[string]ignoreList{}
	rootAbs := absSlash(arg)
	gitignores[filepath.Dir(rootAbs)] = loadGitignoresAbove(rootAbs)
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, FileResult{Path: p, Err: unwrapPathError(err)})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		abs := absSlash(p)
		parentRules := gitignores[filepath.ToSlash(filepath.Dir(abs))]
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			if p != root && (cfgIgnore.match(abs, true) || parentRules.match(abs, true)) {
				return filepath.SkipDir
			}
			rules := parentRules
			if data, err := os.ReadFile(filepath.Join(p, ".gitignore")); err == nil {
				rules = append(append(ignoreList(nil), parentRules...), compileIgnore(abs, strings.Split(string(data), "\n"))...)
			}
			gitignores[abs] = rules
			return nil
		}
		if !IsLuaFile(p) || cfgIgnore.match(abs, false) || parentRules.match(abs, false) {
			return nil
		}
		files = append(files, p)
		return nil
	})
	if walkErr != nil {
		errs = append(errs, FileResult{Path: arg, Err: walkErr})
	}
	return files, false, errs
}

// loadGitignoresAbove reads the .gitignore files of the directories above
// root up to the repository top (the directory holding .git), so that
// checking a subdirectory honours the repository's ignore rules.
func loadGitignoresAbove(root string) ignoreList {
	var dirs []string
	for dir := filepath.Dir(root); ; dir = filepath.Dir(dir) {
		dirs = append(dirs, dir)
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			break
		}
		if filepath.Dir(dir) == dir {
			return nil // not inside a repository: no outer .gitignore applies
		}
	}
	var out ignoreList
	for i := len(dirs) - 1; i >= 0; i-- {
		if data, err := os.ReadFile(filepath.Join(dirs[i], ".gitignore")); err == nil {
			out = append(out, compileIgnore(filepath.ToSlash(dirs[i]), strings.Split(string(data), "\n"))...)
		}
	}
	return out
}

func absSlash(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	return filepath.ToSlash(abs)
}
