package lsp

// This file handles the session's life cycle: initialize (reading the few
// client capabilities the server adapts to, and announcing its own),
// initialized, shutdown and $/setTrace. exit is handled by the read loop.

import (
	"context"
	"encoding/json"
	"net/url"
	"path/filepath"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

// initializeParams is the part of InitializeParams the server reads. It is
// decoded into its own small type rather than protocol.InitializeParams,
// because clients send LSP 3.17 fields whose shapes the 3.15-era types reject,
// and a failure to decode initialize would lose the whole session.
type initializeParams struct {
	ClientInfo *struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"clientInfo"`
	RootURI               string                     `json:"rootUri"`
	RootPath              string                     `json:"rootPath"`
	WorkspaceFolders      []protocol.WorkspaceFolder `json:"workspaceFolders"`
	InitializationOptions json.RawMessage            `json:"initializationOptions"`
	Capabilities          struct {
		General struct {
			PositionEncodings []string `json:"positionEncodings"`
		} `json:"general"`
		Window struct {
			WorkDoneProgress bool `json:"workDoneProgress"`
		} `json:"window"`
		Workspace struct {
			Configuration         bool `json:"configuration"`
			DidChangeWatchedFiles struct {
				DynamicRegistration bool `json:"dynamicRegistration"`
			} `json:"didChangeWatchedFiles"`
		} `json:"workspace"`
		TextDocument struct {
			Completion struct {
				CompletionItem struct {
					SnippetSupport bool `json:"snippetSupport"`
				} `json:"completionItem"`
			} `json:"completion"`
			Hover struct {
				ContentFormat []string `json:"contentFormat"`
			} `json:"hover"`
		} `json:"textDocument"`
	} `json:"capabilities"`
}

// clientInfo is what the server remembers about the client.
type clientInfo struct {
	name             string
	root             string // workspace folder as a file path, or ""
	workDoneProgress bool
	configuration    bool
	watchRegister    bool
	snippets         bool
	markdown         bool
	companion        bool // another Lua server answers the general features (companion.go)
}

// serverCapabilities adds the LSP 3.17 fields that protocol v0.12.0 lacks.
type serverCapabilities struct {
	protocol.ServerCapabilities
	PositionEncoding  string `json:"positionEncoding,omitempty"`
	InlayHintProvider any    `json:"inlayHintProvider,omitempty"`
}

type initializeResult struct {
	Capabilities serverCapabilities   `json:"capabilities"`
	ServerInfo   *protocol.ServerInfo `json:"serverInfo,omitempty"`
}

func (s *Server) initialize(ctx context.Context, p *initializeParams) (*initializeResult, error) {
	ci := clientInfo{
		workDoneProgress: p.Capabilities.Window.WorkDoneProgress,
		configuration:    p.Capabilities.Workspace.Configuration,
		watchRegister:    p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration,
		snippets:         p.Capabilities.TextDocument.Completion.CompletionItem.SnippetSupport,
	}
	for _, f := range p.Capabilities.TextDocument.Hover.ContentFormat {
		if f == string(protocol.Markdown) {
			ci.markdown = true
		}
	}
	if p.ClientInfo != nil {
		ci.name = p.ClientInfo.Name
	}
	switch {
	case len(p.WorkspaceFolders) > 0:
		ci.root = uriPath(p.WorkspaceFolders[0].URI)
	case p.RootURI != "":
		ci.root = uriPath(p.RootURI)
	case p.RootPath != "":
		ci.root = p.RootPath
	}
	user, err := parseSettings(p.InitializationOptions)
	if err != nil {
		s.log.Warn("ignoring initializationOptions", zap.Error(err))
	}
	ci.companion = user.Companion != nil && *user.Companion
	s.mu.Lock()
	s.client = ci
	s.state = stateRunning
	s.mu.Unlock()
	s.applySettings(user, ci.root)
	s.log.Info("initialize", zap.String("client", ci.name), zap.String("root", ci.root))

	caps := s.capabilities()
	for _, enc := range p.Capabilities.General.PositionEncodings {
		if enc == "utf-16" {
			// Only UTF-16 is implemented; say so to 3.17 clients that ask.
			caps.PositionEncoding = "utf-16"
		}
	}
	return &initializeResult{
		Capabilities: caps,
		ServerInfo:   &protocol.ServerInfo{Name: "buflsp", Version: s.opts.Version},
	}, nil
}

// capabilities announces exactly the methods present in the route table, so
// that the answer stays honest as features come and go.
func (s *Server) capabilities() serverCapabilities {
	has := func(method string) bool { _, ok := s.routes[method]; return ok }
	var c serverCapabilities
	c.TextDocumentSync = protocol.TextDocumentSyncOptions{
		OpenClose: true,
		Change:    protocol.TextDocumentSyncKindIncremental,
		Save:      &protocol.SaveOptions{},
	}
	c.Workspace = &protocol.ServerCapabilitiesWorkspace{
		WorkspaceFolders: &protocol.ServerCapabilitiesWorkspaceFolders{Supported: false},
	}
	companion := s.companion()
	for _, f := range capabilityFeatures(s) {
		if has(f.method) && !(companion && companionOff(f.method)) {
			f.set(&c)
		}
	}
	return c
}

func (s *Server) initialized(ctx context.Context, _ *json.RawMessage) error {
	s.mu.Lock()
	ci := s.client
	running := s.state == stateRunning
	s.initializedSeen = running
	s.mu.Unlock()
	if !running {
		return nil
	}
	s.sendConfigReport()
	if ci.watchRegister {
		s.registerWatchers()
	}
	if ci.configuration {
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			s.pullConfiguration()
		}()
	}
	if ci.root != "" && !s.opts.NoWorkspaceScan {
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			s.scanWorkspace(ci.root)
		}()
	}
	return nil
}

func (s *Server) shutdown(ctx context.Context, _ *json.RawMessage) (any, error) {
	s.mu.Lock()
	s.state = stateShutdown
	s.mu.Unlock()
	s.sched.stop()
	return nil, nil
}

func (s *Server) setTrace(ctx context.Context, p *protocol.SetTraceParams) error {
	// The server logs through zap at the level chosen on the command line;
	// the trace value is recorded for the log and otherwise has no effect.
	s.log.Info("trace level set by client", zap.String("value", string(p.Value)))
	return nil
}

// uriPath turns a file URI into a path; other URIs (and malformed ones) are
// returned unchanged. uri.URI.Filename panics on bad input, so it is not used.
func uriPath(u string) string {
	parsed, err := url.Parse(u)
	if err != nil || parsed.Scheme != "file" {
		return u
	}
	return filepath.FromSlash(parsed.Path)
}
