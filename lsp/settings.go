package lsp

// This file turns the client's settings into the analyzer's configuration.
// The settings mirror .buflsp.toml: the file found from the workspace root is
// the base, and whatever the client sets (initializationOptions,
// workspace/didChangeConfiguration, or a workspace/configuration pull of the
// "buflsp" section) overrides it field by field.

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/buflsp/buflsp/analysis"
	"github.com/buflsp/buflsp/analysis/config"
	"github.com/buflsp/buflsp/analysis/syntax"
)

// userSettings is the JSON shape of the "buflsp" settings section.
type userSettings struct {
	Target  *string           `json:"target"`
	Rules   map[string]string `json:"rules"`
	Globals []string          `json:"globals"`
	Ignore  []string          `json:"ignore"`
	Eval    *EvalLimits       `json:"eval"`
	// MaxFileSizeMb caps the files the server reads from disk, as the key
	// of .buflsp.toml does (which it overrides).
	MaxFileSizeMb *int `json:"maxFileSizeMb"`
	// Companion is read from initializationOptions only (companion.go).
	Companion *bool `json:"companion"`
	// problems lists the keys dropped for having the wrong type.
	problems []string
}

// EvalLimits bound an evaluation started from the editor (buflsp.evaluate).
// [eval] in .buflsp.toml gives the base; the client's settings win.
type EvalLimits struct {
	TimeoutMS int `json:"timeoutMs"`
	MemoryMB  int `json:"memoryMb"`
}

// settings is the effective configuration of the session; it is immutable
// once built and replaced as a whole.
type settings struct {
	cfg    *analysis.Config
	eval   EvalLimits
	user   *userSettings
	report configReport // what is wrong with the .buflsp.toml in use
}

func defaultSettings() *settings {
	return &settings{cfg: analysis.DefaultConfig(), eval: EvalLimits{TimeoutMS: 2000, MemoryMB: 64}, user: &userSettings{}}
}

// parseSettings accepts either the section itself or an object holding it
// under "buflsp" (clients differ in what they send). Each key is decoded on
// its own: a value of the wrong type (say "globals": "ngx") is dropped and
// noted in problems, and the other keys still apply. Keys it does not know
// are ignored, since clients send their own ones in the same section (the
// VS Code extension's "path", "trace"). The error is for settings that are
// not an object at all.
func parseSettings(raw json.RawMessage) (*userSettings, error) {
	u := &userSettings{}
	if len(raw) == 0 || string(raw) == "null" {
		return u, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return u, fmt.Errorf("settings: expected an object like {\"target\": \"luajit\", \"rules\": {...}}: %w", err)
	}
	if inner, ok := fields["buflsp"]; ok {
		var innerFields map[string]json.RawMessage
		if json.Unmarshal(inner, &innerFields) == nil && innerFields != nil {
			fields = innerFields
		}
	}
	decode := func(key, want string, dst any) {
		if v, ok := fields[key]; ok && string(v) != "null" {
			if err := json.Unmarshal(v, dst); err != nil {
				u.problems = append(u.problems, fmt.Sprintf("%s: expected %s, found %s (ignored)", key, want, jsonKind(v)))
			}
		}
	}
	decode("target", "a string", &u.Target)
	if u.Target != nil {
		if _, err := syntax.ParseTarget(*u.Target); err != nil {
			u.problems = append(u.problems, fmt.Sprintf("target: %v (ignored)", err))
			u.Target = nil
		}
	}
	decode("globals", "an array of strings", &u.Globals)
	decode("ignore", "an array of strings", &u.Ignore)
	decode("eval", `an object {"timeoutMs": N, "memoryMb": N}`, &u.Eval)
	decode("companion", "true or false", &u.Companion)
	if v, ok := fields["maxFileSizeMb"]; ok && string(v) != "null" {
		var n int
		if err := json.Unmarshal(v, &n); err != nil || n < 1 {
			u.problems = append(u.problems, fmt.Sprintf("maxFileSizeMb: expected a positive integer, found %s (ignored)", strings.TrimSpace(string(v))))
		} else {
			u.MaxFileSizeMb = &n
		}
	}
	var rules map[string]json.RawMessage
	decode("rules", "an object of rule names and severities", &rules)
	names := make([]string, 0, len(rules))
	for name := range rules {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		var sev string
		if err := json.Unmarshal(rules[name], &sev); err != nil {
			u.problems = append(u.problems, fmt.Sprintf("rules.%s: expected a severity string, found %s (ignored)", name, jsonKind(rules[name])))
			continue
		}
		if u.Rules == nil {
			u.Rules = map[string]string{}
		}
		u.Rules[name] = sev
	}
	return u, nil
}

// jsonKind names the type of a JSON value for messages.
func jsonKind(v json.RawMessage) string {
	t := strings.TrimSpace(string(v))
	switch {
	case t == "":
		return "nothing"
	case t[0] == '"':
		return "a string"
	case t[0] == '[':
		return "an array"
	case t[0] == '{':
		return "an object"
	case t == "true" || t == "false":
		return "a boolean"
	case t == "null":
		return "null"
	}
	return "a number"
}

// buildSettings merges the config file found from root with the user's
// settings.
func buildSettings(user *userSettings, root string, log *zap.Logger) *settings {
	st := defaultSettings()
	st.user = user
	if root != "" {
		if path := config.Find(root); path != "" {
			cfg, err := analysis.LoadConfig(path)
			st.report = newConfigReport(path, cfg, err)
			if err != nil {
				log.Warn("ignoring config file", zap.String("path", path), zap.Error(err))
			} else {
				st.cfg = cfg
			}
		}
	}
	cfg := st.cfg.Clone()
	if user.Target != nil {
		if t, err := syntax.ParseTarget(*user.Target); err == nil {
			cfg.SetTarget(t)
		} else {
			log.Warn("ignoring target setting", zap.Error(err))
		}
	}
	for rule, sev := range user.Rules {
		cfg.Severity[rule] = sev
	}
	if user.Globals != nil {
		cfg.Globals = append(cfg.Globals, user.Globals...)
	}
	if user.Ignore != nil {
		cfg.Ignore = append(cfg.Ignore, user.Ignore...)
	}
	if user.MaxFileSizeMb != nil {
		cfg.MaxFileSize = int64(*user.MaxFileSizeMb) << 20
	}
	st.cfg = cfg
	// [eval] in .buflsp.toml is the base; the editor's settings win.
	if cfg.EvalTimeoutMS > 0 {
		st.eval.TimeoutMS = cfg.EvalTimeoutMS
	}
	if cfg.EvalMemoryMB > 0 {
		st.eval.MemoryMB = cfg.EvalMemoryMB
	}
	if user.Eval != nil {
		if user.Eval.TimeoutMS > 0 {
			st.eval.TimeoutMS = user.Eval.TimeoutMS
		}
		if user.Eval.MemoryMB > 0 {
			st.eval.MemoryMB = user.Eval.MemoryMB
		}
	}
	return st
}

// applySettings installs new settings and re-analyses every open document.
func (s *Server) applySettings(user *userSettings, root string) {
	s.reportSettingsProblems(user.problems)
	st := buildSettings(user, root, s.log)
	s.mu.Lock()
	s.settings = st
	initialized := s.initializedSeen
	s.mu.Unlock()
	if initialized {
		s.sendConfigReport()
	}
	for _, snap := range s.store.reconfigure(st.cfg) {
		s.sched.schedule(snap)
	}
}

func (s *Server) config() *analysis.Config {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings.cfg
}

func (s *Server) root() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client.root
}

func (s *Server) didChangeConfiguration(ctx context.Context, p *struct {
	Settings json.RawMessage `json:"settings"`
}) error {
	s.mu.Lock()
	pull := s.client.configuration
	s.mu.Unlock()
	if pull && (len(p.Settings) == 0 || string(p.Settings) == "null") {
		// Pull-model clients send an empty notification and expect the
		// server to ask for the section.
		s.bg.Add(1)
		go func() {
			defer s.bg.Done()
			s.pullConfiguration()
		}()
		return nil
	}
	user, err := parseSettings(p.Settings)
	if err != nil {
		return err
	}
	s.applySettings(user, s.root())
	return nil
}

// pullConfiguration asks the client for the "buflsp" section.
func (s *Server) pullConfiguration() {
	ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
	defer cancel()
	var result []json.RawMessage
	err := s.call(ctx, protocol.MethodWorkspaceConfiguration, &protocol.ConfigurationParams{
		Items: []protocol.ConfigurationItem{{Section: "buflsp"}},
	}, &result)
	if err != nil {
		s.log.Info("workspace/configuration failed; keeping current settings", zap.Error(err))
		return
	}
	if len(result) == 0 || string(result[0]) == "null" {
		// The client has no such section: keep what initializationOptions
		// or an earlier change said.
		return
	}
	user, err := parseSettings(result[0])
	if err != nil {
		s.log.Warn("ignoring pulled settings", zap.Error(err))
		return
	}
	s.applySettings(user, s.root())
}

// reportSettingsProblems logs the settings keys dropped for their type
// and, when the set differs from the last one reported, shows it in the
// editor (window/showMessage may be sent during initialize, too).
func (s *Server) reportSettingsProblems(problems []string) {
	key := strings.Join(problems, "\n")
	s.mu.Lock()
	same := key == s.settingsProblems
	s.settingsProblems = key
	s.mu.Unlock()
	if len(problems) == 0 || same {
		return
	}
	for _, p := range problems {
		s.log.Warn("settings", zap.String("problem", p))
	}
	s.notify(protocol.MethodWindowShowMessage, &protocol.ShowMessageParams{Type: protocol.MessageTypeWarning,
		Message: "buflsp settings: " + strings.Join(problems, "; ")})
}

// isConfigFile reports whether path is a .buflsp.toml or a LuaLS
// .luarc.json/.luarc.jsonc (whose runtime.version can decide targets):
// saving or changing one rebuilds the settings, which also forgets the
// .luarc answers remembered so far.
func isConfigFile(path string) bool {
	return filepath.Base(path) == config.FileName || config.IsLuarc(path)
}
