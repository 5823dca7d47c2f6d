package report

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/config"
	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/syntax"
	"github.com/buflsp/buflsp/internal/gctune"
)

// Exit codes of `buflsp check`.
const (
	ExitClean    = 0 // no findings at or above the fail level
	ExitFindings = 1 // findings at or above the fail level
	ExitError    = 2 // usage error, bad configuration, unreadable path or internal error
)

// Options are the parsed flags of `buflsp check`.
type Options struct {
	Paths      []string // files and directories; none means "."
	Format     string   // text, json, sarif or github; "" means text
	Fix        bool
	Rules      []string // run only these rules (syntax-error always runs)
	Disable    []string // turn these rules off
	FailLevel  string   // error, warning, info or hint; "" means warning
	Target     string   // a target name (syntax.ParseTarget); "" means the configuration's
	ConfigPath string   // explicit .buflsp.toml; "" means look it up
	Jobs       int      // parallel files; 0 means GOMAXPROCS
	Version    string   // tool version for SARIF
	// Excerpt shows source lines with carets in text output; Progress prints
	// a progress line on stderr. The command sets both when the stream is a
	// terminal.
	Excerpt  bool
	Progress bool
	// Color marks up text output with ANSI colours.
	Color bool
	// Quiet prints the findings and nothing else: no summary, no fix notes.
	Quiet bool
	// MaxFileSizeMB overrides the configuration's size cap of a source
	// file (maxFileSizeMb); 0 keeps it.
	MaxFileSizeMB int
	// Diff, with Fix, prints the fixes as a unified diff on stdout instead of
	// writing them (and instead of the findings).
	Diff bool
	// Stdin is read when a path is "-"; StdinName is the file name it is
	// checked as (for the target, the configuration and the output).
	Stdin     io.Reader
	StdinName string
}

// StdinPath is the path argument that stands for standard input.
const StdinPath = "-"

// Run executes a check and returns the exit code. Findings go to stdout in
// the chosen format; problems with the run itself go to stderr.
func Run(opts Options, stdout, stderr io.Writer) int {
	defer gctune.ForCheck()()
	format := opts.Format
	if format == "" {
		format = "text"
	}
	switch format {
	case "text", "json", "sarif", "github":
	default:
		fmt.Fprintf(stderr, "buflsp check: unknown --format %q (expected text, json, sarif or github)\n", format)
		return ExitError
	}
	failLevel := rules.SeverityWarning
	if opts.FailLevel != "" {
		sev, err := rules.ParseSeverity(opts.FailLevel)
		if err != nil || sev == rules.SeverityOff {
			fmt.Fprintf(stderr, "buflsp check: --fail-level %q: expected error, warning, info or hint\n", opts.FailLevel)
			return ExitError
		}
		failLevel = sev
	}
	checker := analysis.NewChecker()
	adjust, err := flagAdjuster(opts, checker.Registry())
	if err != nil {
		fmt.Fprintf(stderr, "buflsp check: %s\n", terminalSafe(err.Error()))
		return ExitError
	}
	paths := opts.Paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	configs := &configCache{explicit: opts.ConfigPath, loaded: map[string]*config.Config{}, stderr: stderr}
	// Load every configuration before checking anything: a broken
	// configuration fails the run rather than checking with the wrong rules.
	for _, arg := range paths {
		if arg == StdinPath {
			arg = opts.StdinName
		}
		if _, err := configs.forArg(arg); err != nil {
			fmt.Fprintf(stderr, "buflsp check: %s\n", terminalSafe(err.Error()))
			return ExitError
		}
	}
	if configs.bad {
		return ExitError
	}
	var progress func(done, total int)
	if opts.Progress {
		progress = func(done, total int) {
			fmt.Fprintf(stderr, "\rchecking %d/%d files", done, total)
			if done == total {
				fmt.Fprint(stderr, "\r\033[K")
			}
		}
	}
	pathsOpts := analysis.PathsOptions{
		Config: func(arg string) (*analysis.Config, error) {
			cfg, err := configs.forArg(arg)
			if err != nil {
				return nil, err
			}
			return adjust(cfg), nil
		},
		Jobs:     opts.Jobs,
		Fix:      opts.Fix || opts.Diff,
		DryRun:   opts.Diff,
		Progress: progress,
	}
	var results []analysis.FileResult
	var onDisk []string
	for _, p := range paths {
		if p != StdinPath {
			onDisk = append(onDisk, p)
			continue
		}
		fr, code := checkStdin(checker, opts, pathsOpts, stderr)
		if code != ExitClean {
			return code
		}
		results = append(results, fr)
	}
	if len(onDisk) > 0 {
		results = append(results, checker.CheckPaths(onDisk, pathsOpts)...)
	}
	results = noteNotRead(results, opts, stderr)
	if opts.Diff {
		for _, fr := range results {
			if fr.FixedSrc == nil {
				continue
			}
			if err := writeUnifiedDiff(stdout, filepath.ToSlash(fr.Path), fr.Src, fr.FixedSrc); err != nil {
				fmt.Fprintf(stderr, "buflsp check: writing output: %v\n", err)
				return ExitError
			}
		}
	} else if err := write(format, stdout, results, checker.Registry(), opts); err != nil {
		fmt.Fprintf(stderr, "buflsp check: writing output: %v\n", err)
		return ExitError
	}
	return summarize(results, failLevel, format, opts, stderr)
}

// checkStdin reads standard input and checks it as opts.StdinName, with the
// configuration found from that name's directory.
func checkStdin(checker *analysis.Checker, opts Options, po analysis.PathsOptions, stderr io.Writer) (analysis.FileResult, int) {
	if opts.Fix && !opts.Diff {
		fmt.Fprintln(stderr, "buflsp check: --fix cannot write back to standard input; use --diff to print the fixes")
		return analysis.FileResult{}, ExitError
	}
	if opts.Stdin == nil {
		fmt.Fprintln(stderr, "buflsp check: no standard input to read")
		return analysis.FileResult{}, ExitError
	}
	src, err := io.ReadAll(opts.Stdin)
	if err != nil {
		fmt.Fprintf(stderr, "buflsp check: reading standard input: %v\n", err)
		return analysis.FileResult{}, ExitError
	}
	name := opts.StdinName
	if name == "" {
		name = "stdin.lua"
	}
	cfg, err := po.Config(name)
	if err != nil {
		fmt.Fprintf(stderr, "buflsp check: %s\n", terminalSafe(err.Error()))
		return analysis.FileResult{}, ExitError
	}
	return checker.CheckText(name, src, cfg, po), ExitClean
}

func write(format string, w io.Writer, results []analysis.FileResult, reg *rules.Registry, opts Options) error {
	switch format {
	case "json":
		return writeJSON(w, results)
	case "sarif":
		return writeSARIF(w, results, reg, opts.Version)
	case "github":
		return writeGitHub(w, results)
	}
	return writeText(w, results, opts.Excerpt, opts.Color)
}

// noteNotRead takes the files a directory walk did not read (not regular
// files, over the size cap) out of the results, with a note on stderr for
// each: they are not findings and not errors of the run.
func noteNotRead(results []analysis.FileResult, opts Options, stderr io.Writer) []analysis.FileResult {
	out := results[:0]
	for _, fr := range results {
		if fr.NotRead == nil {
			out = append(out, fr)
			continue
		}
		if !opts.Quiet {
			fmt.Fprintf(stderr, "%s: %s\n", terminalSafe(fr.Path), terminalSafe(fr.NotRead.Error()))
		}
	}
	return out
}

// summarize reports unreadable files and fix outcomes on stderr and picks
// the exit code: errors in the run win over findings.
func summarize(results []analysis.FileResult, failLevel rules.Severity, format string, opts Options, stderr io.Writer) int {
	code := ExitClean
	counts := map[rules.Severity]int{}
	files, fixes, fixedFiles := 0, 0, 0
	for _, fr := range results {
		if fr.Err != nil {
			fmt.Fprintf(stderr, "%s: error: %s\n", terminalSafe(fr.Path), terminalSafe(fr.Err.Error()))
			code = ExitError
			continue
		}
		files++
		if fr.FixErr != nil {
			fmt.Fprintf(stderr, "%s: error: --fix: %s\n", terminalSafe(fr.Path), terminalSafe(fr.FixErr.Error()))
			code = ExitError
		}
		if fr.Fixed > 0 {
			fixes += fr.Fixed
			fixedFiles++
			if !opts.Quiet && !opts.Diff {
				fmt.Fprintf(stderr, "%s: applied %s\n", terminalSafe(fr.Path), plural(fr.Fixed, "fix"))
			}
		}
		if fr.Skipped && !opts.Quiet {
			fmt.Fprintf(stderr, "%s: fixes not applied: the file has syntax errors\n", terminalSafe(fr.Path))
		}
		for _, d := range fr.Result.Diagnostics {
			counts[d.Severity]++
			if d.Severity.AtLeast(failLevel) && code == ExitClean {
				code = ExitFindings
			}
		}
	}
	if format != "text" || opts.Quiet {
		return code
	}
	if opts.Diff {
		fmt.Fprintf(stderr, "%s would change %s (nothing written)\n", plural(fixes, "fix"), plural(fixedFiles, "file"))
		return code
	}
	total := 0
	var parts []string
	for _, s := range []rules.Severity{rules.SeverityError, rules.SeverityWarning, rules.SeverityInfo, rules.SeverityHint} {
		if counts[s] > 0 {
			parts = append(parts, plural(counts[s], s.String()))
		}
		total += counts[s]
	}
	if total > 0 {
		fmt.Fprintf(stderr, "%s (%s) in %s checked\n", plural(total, "problem"), strings.Join(parts, ", "), plural(files, "file"))
	} else if code == ExitClean && files == 0 {
		fmt.Fprintln(stderr, "no .lua or .luau files to check (none found, or all ignored)")
	} else if code == ExitClean {
		fmt.Fprintf(stderr, "no problems in %s checked\n", plural(files, "file"))
	}
	return code
}

// flagAdjuster validates --rule, --disable and --target and returns a
// function that applies them to a configuration.
func flagAdjuster(opts Options, reg *rules.Registry) (func(*config.Config) *config.Config, error) {
	check := func(flag string, names []string) error {
		for _, n := range names {
			if _, ok := reg.Lookup(n); !ok {
				msg := fmt.Sprintf("%s: unknown rule %q", flag, n)
				if near := reg.Nearest(n); near != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", near)
				}
				return fmt.Errorf("%s; see docs/rules.md for the list", msg)
			}
		}
		return nil
	}
	if err := check("--rule", opts.Rules); err != nil {
		return nil, err
	}
	if err := check("--disable", opts.Disable); err != nil {
		return nil, err
	}
	var target syntax.Target
	if opts.Target != "" {
		t, err := syntax.ParseTarget(opts.Target)
		if err != nil {
			return nil, fmt.Errorf("--target: %v", err)
		}
		target = t
	}
	if opts.MaxFileSizeMB < 0 {
		return nil, fmt.Errorf("--max-file-size %d: expected a positive number of MiB", opts.MaxFileSizeMB)
	}
	only := map[string]bool{}
	for _, n := range opts.Rules {
		only[n] = true
	}
	return func(base *config.Config) *config.Config {
		cfg := base.Clone()
		if opts.Target != "" {
			cfg.SetTarget(target)
		}
		if opts.MaxFileSizeMB > 0 {
			cfg.MaxFileSize = int64(opts.MaxFileSizeMB) << 20
		}
		if len(only) > 0 {
			for _, r := range reg.All() {
				if !only[r.Name] && !r.CannotDisable {
					cfg.Severity[r.Name] = "off"
				}
			}
		}
		for _, n := range opts.Disable {
			if r, _ := reg.Lookup(n); !r.CannotDisable {
				cfg.Severity[n] = "off"
			}
		}
		return cfg
	}, nil
}

// configCache finds and loads the configuration of each argument once, and
// prints each file's problems once.
type configCache struct {
	explicit string
	mu       sync.Mutex
	loaded   map[string]*config.Config
	stderr   io.Writer
	bad      bool // a configuration had problems: the run fails
}

func (c *configCache) forArg(arg string) (*config.Config, error) {
	if c.explicit != "" {
		return c.load(c.explicit)
	}
	dir := arg
	if st, err := os.Stat(arg); err != nil || !st.IsDir() {
		dir = filepath.Dir(arg)
	}
	path := config.Find(dir)
	if path == "" {
		return config.Default(), nil
	}
	return c.load(path)
}

func (c *configCache) load(path string) (*config.Config, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if cfg, ok := c.loaded[path]; ok {
		return cfg, nil
	}
	cfg, err := config.Load(path)
	if err != nil {
		c.bad = true
		return nil, err
	}
	probs := append([]config.Problem(nil), cfg.Problems...)
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
	for _, p := range probs {
		fmt.Fprintf(c.stderr, "%s:%d:%d: error: %s [config]\n", terminalSafe(displayPath(path)), p.Line, p.Col, terminalSafe(p.Msg))
		c.bad = true
	}
	c.loaded[path] = cfg
	return cfg, nil
}

// displayPath shows a path relative to the working directory when it is
// inside it, so that golden output does not depend on where tests run.
func displayPath(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}

// plural writes "1 error", "2 errors", "3 fixes".
func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	if strings.HasSuffix(word, "x") {
		return fmt.Sprintf("%d %ses", n, word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
