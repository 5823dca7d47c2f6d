package analysis

import (
	"github.com/buflsp/buflsp/analysis/config"
	"github.com/buflsp/buflsp/analysis/rules"
)

// The diagnostic types are defined in analysis/rules, where rules create
// them; these aliases give them their contract names in this package.
type (
	Severity   = rules.Severity
	Diagnostic = rules.Diagnostic
	Fix        = rules.Fix
	Edit       = rules.Edit
	Related    = rules.Related
	Tag        = rules.Tag
	Config     = config.Config
)

// Severities in LSP order.
const (
	SeverityOff     = rules.SeverityOff
	SeverityError   = rules.SeverityError
	SeverityWarning = rules.SeverityWarning
	SeverityInfo    = rules.SeverityInfo
	SeverityHint    = rules.SeverityHint
)

// Diagnostic tags.
const (
	TagUnnecessary = rules.TagUnnecessary
	TagDeprecated  = rules.TagDeprecated
)

// LoadConfig reads a .buflsp.toml file.
func LoadConfig(path string) (*Config, error) { return config.Load(path) }

// DefaultConfig is the configuration used when there is no file.
func DefaultConfig() *Config { return config.Default() }
