package lsp

// This file connects a Server to its transports: standard input and output,
// or one TCP connection accepted on a loopback address.

import (
	"context"
	"fmt"
	"io"
	"net"
)

// listenAddr completes a --listen address: an empty host becomes
// 127.0.0.1. public reports a host that is not a loopback address.
func listenAddr(addr string) (_ string, public bool, _ error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", false, fmt.Errorf("listen address %q: expected HOST:PORT or :PORT (%v)", addr, err)
	}
	if host == "" {
		return net.JoinHostPort("127.0.0.1", port), false, nil
	}
	if host == "localhost" {
		return addr, false, nil
	}
	ip := net.ParseIP(host)
	return addr, ip == nil || !ip.IsLoopback(), nil
}

// stdio joins the process's stdin and stdout into one stream.
type stdio struct {
	io.Reader
	io.Writer
}

// ServeStdio serves one session on r (client to server) and w (server to
// client) and returns the exit code the process should end with. Like
// ServeTCP, it tunes the process's garbage collector for the session (see
// gc.go) unless GOGC or GOMEMLIMIT is set.
func ServeStdio(ctx context.Context, r io.Reader, w io.Writer, opts Options) (int, error) {
	defer tuneGC()()
	s := NewServer(opts)
	err := s.Serve(ctx, stdio{r, w})
	return s.ExitCode(), err
}

// ServeTCP listens on addr, serves the first connection, and returns the exit
// code of that session. ready, when not nil, receives the bound address (for
// ":0" listeners) once the server accepts connections.
//
// The server has no authentication, so an address without a host
// (":7777") listens on loopback only; a host given explicitly is used as
// given, with a warning in the log when it is not a loopback address.
func ServeTCP(ctx context.Context, addr string, opts Options, ready func(net.Addr)) (int, error) {
	addr, public, err := listenAddr(addr)
	if err != nil {
		return 1, err
	}
	if public {
		opts.Logger.Sugar().Warnf("listening on %s, which is not a loopback address: anyone who can reach it can drive this server (there is no authentication)", addr)
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", addr)
	if err != nil {
		return 1, fmt.Errorf("listening on %s: %w", addr, err)
	}
	defer ln.Close()
	if ready != nil {
		ready(ln.Addr())
	}
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()
	conn, err := ln.Accept()
	if err != nil {
		return 1, fmt.Errorf("accepting on %s: %w", addr, err)
	}
	defer conn.Close()
	opts.Logger.Sugar().Infof("client connected from %s", conn.RemoteAddr())
	defer tuneGC()()
	s := NewServer(opts)
	err = s.Serve(ctx, conn)
	return s.ExitCode(), err
}
