package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/buflsp/buflsp/lsp"
)

const serveHelp = `Usage: buflsp serve [--stdio | --listen 127.0.0.1:PORT] [--log-file PATH] [--log-level LEVEL]

Starts the buflsp language server. Editors start it themselves; you rarely run
it by hand. It speaks the Language Server Protocol (3.16, plus inlay hints
from 3.17) with UTF-16 positions.

By default it talks on standard input and output; nothing but protocol
messages is ever written to standard output. Logs go to standard error, or to
--log-file.

Flags:
  --stdio             talk on stdin/stdout (the default; accepted because
                      clients such as vscode-languageclient add it)
  --listen ADDR       accept one client on a TCP address instead, e.g.
                      127.0.0.1:7777; :7777 means 127.0.0.1:7777. There is
                      no authentication: another host (0.0.0.0 for every
                      interface) is used only when named, with a warning
  --log-file PATH     append logs to PATH instead of standard error
  --log-level LEVEL   debug, info, warn (default) or error
  --debounce DUR      wait this long after an edit before analysing
                      (default 5ms)

Examples:
  buflsp serve
  buflsp serve --log-file /tmp/buflsp.log --log-level debug
  buflsp serve --listen 127.0.0.1:7777

Settings (initializationOptions or workspace/didChangeConfiguration, section
"buflsp") mirror .buflsp.toml: {"target": "luau", "rules": {"buffer-concat": "off"},
"globals": [...], "ignore": [...], "eval": {"timeoutMs": 2000, "memoryMb": 64}}.

Exit codes:
  0  the client sent shutdown, then exit
  1  the client sent exit without shutdown, the stream ended early, or the
     server failed (the reason is logged)
  2  bad flags
`

func runServe(args []string, stdout, stderr io.Writer) int {
	return serve(args, os.Stdin, stdout, stderr)
}

// serve is runServe with its standard input as a parameter, for tests.
func serve(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.Bool("stdio", false, "talk on stdin/stdout (default)")
	listen := fs.String("listen", "", "TCP address to accept one client on")
	logFile := fs.String("log-file", "", "write logs to this file")
	logLevel := fs.String("log-level", "warn", "debug, info, warn or error")
	debounce := fs.Duration("debounce", lsp.DefaultDebounce, "delay between an edit and its analysis")
	// Help goes to stderr too: stdout carries only protocol messages.
	if code, ok := parseFlags(fs, args, serveHelp, stderr, stderr); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "buflsp serve: unexpected argument %q (serve takes only flags)\n", fs.Arg(0))
		return 2
	}
	level, err := zapcore.ParseLevel(*logLevel)
	if err != nil {
		fmt.Fprintf(stderr, "buflsp serve: --log-level %q: expected debug, info, warn or error\n", *logLevel)
		return 2
	}
	logOut := zapcore.AddSync(stderr)
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "buflsp serve: opening log file: %v\n", err)
			return 2
		}
		defer f.Close()
		logOut = zapcore.AddSync(f)
	}
	enc := zap.NewProductionEncoderConfig()
	enc.EncodeTime = zapcore.ISO8601TimeEncoder
	logger := zap.New(zapcore.NewCore(zapcore.NewConsoleEncoder(enc), zapcore.Lock(logOut), level))
	defer logger.Sync() //nolint:errcheck // nothing useful to do if the final flush fails

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	v, _ := buildVersion()
	opts := lsp.Options{Logger: logger, Debounce: *debounce, Version: v}
	// buflsp.evaluate runs in child processes of this executable, one warm
	// and ready; without an executable to start, the server still runs and
	// evaluates in-process with the sandbox's own limits.
	if pool, err := evalPool(true); err != nil {
		logger.Warn("evaluations run in-process: cannot find the buflsp executable", zap.Error(err))
	} else {
		defer pool.Close()
		opts.Evaluator = pool
	}
	var code int
	if *listen != "" {
		code, err = lsp.ServeTCP(ctx, *listen, opts, func(a net.Addr) {
			logger.Info("listening", zap.String("addr", a.String()))
			fmt.Fprintf(stderr, "buflsp serve: listening on %s\n", a)
		})
	} else {
		code, err = lsp.ServeStdio(ctx, stdin, stdout, opts)
	}
	if err != nil {
		logger.Error("server stopped", zap.Error(err))
	}
	return code
}
