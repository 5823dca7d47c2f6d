package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/buflsp/buflsp/analysis/rules"
	"github.com/buflsp/buflsp/analysis/syntax"
)

const completionHelp = `Usage: buflsp completion bash|zsh|fish

Prints a script that teaches the shell to complete buflsp's commands, flags,
rule names, targets, formats and files. The flags are read from each
command's --help, and the rule names from this binary's catalogue, so
regenerate the script after upgrading buflsp.

Install:
  bash   buflsp completion bash > ~/.local/share/bash-completion/completions/buflsp
  zsh    buflsp completion zsh > "${fpath[1]}/_buflsp"     (or: source <(buflsp completion zsh))
  fish   buflsp completion fish > ~/.config/fish/completions/buflsp.fish

Exit codes:
  0  printed
  2  unknown shell or bad flags
`

func runCompletion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("completion", flag.ContinueOnError)
	if code, ok := parseFlags(fs, args, completionHelp, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "buflsp completion: name the shell: bash, zsh or fish\nRun 'buflsp completion --help' for usage.")
		return 2
	}
	spec := completionSpec()
	switch fs.Arg(0) {
	case "bash":
		io.WriteString(stdout, spec.bash())
	case "zsh":
		io.WriteString(stdout, spec.zsh())
	case "fish":
		io.WriteString(stdout, spec.fish())
	default:
		fmt.Fprintf(stderr, "buflsp completion: unknown shell %q (expected bash, zsh or fish)\n", fs.Arg(0))
		return 2
	}
	return 0
}

// flagSpec is one flag as its command's --help lists it.
type flagSpec struct {
	long, short string
	takesValue  bool
}

// compSpec is what the completion scripts know: the commands with their
// flags, the values of flags that take one of a fixed set, and the
// arguments of commands that take a name rather than a file.
type compSpec struct {
	commands []command
	flags    map[string][]flagSpec
	values   map[string][]string // flag name -> its values
	args     map[string][]string // command -> the words its arguments are
}

func completionSpec() compSpec {
	reg := rules.NewRegistry()
	var targets []string
	for _, t := range syntax.Targets() {
		targets = append(targets, t.String())
	}
	sp := compSpec{
		commands: commands(),
		flags:    map[string][]flagSpec{},
		values: map[string][]string{
			"format":     {"text", "json", "sarif", "github"},
			"fail-level": {"error", "warning", "info", "hint"},
			"severity":   {"error", "warning", "info", "hint"},
			"color":      {"auto", "always", "never"},
			"log-level":  {"debug", "info", "warn", "error"},
			"target":     targets,
			"rule":       reg.Names(),
			"disable":    reg.Names(),
		},
		args: map[string][]string{
			"rules":      reg.Names(),
			"completion": {"bash", "zsh", "fish"},
		},
	}
	for _, c := range sp.commands {
		sp.flags[c.name] = helpFlags(c.help)
	}
	return sp
}

// flagLine matches a flag at the start of a help line: "  --fix",
// "  --format F", "  -q, --quiet", "  -e CODE".
var flagLine = regexp.MustCompile(`^ {2}(?:-([a-z]), )?-{1,2}([a-z][a-z-]*)( [A-Z][A-Z,]*)?`)

// helpFlags reads the flags from the "Flags:" section of a --help text, so
// the scripts offer exactly what the help documents.
func helpFlags(help string) []flagSpec {
	_, section, ok := strings.Cut(help, "\nFlags:\n")
	if !ok {
		return []flagSpec{{long: "help"}}
	}
	section, _, _ = strings.Cut(section, "\n\n")
	var out []flagSpec
	seen := map[string]bool{}
	for _, line := range strings.Split(section, "\n") {
		m := flagLine.FindStringSubmatch(line)
		if m == nil || seen[m[2]] {
			continue
		}
		seen[m[2]] = true
		f := flagSpec{long: m[2], short: m[1], takesValue: m[3] != ""}
		if len(m[2]) == 1 { // a single-letter flag such as eval's -e
			f.long, f.short = "", m[2]
		}
		out = append(out, f)
	}
	if !seen["help"] {
		out = append(out, flagSpec{long: "help", short: "h"})
	}
	return out
}

func (f flagSpec) words() []string {
	var w []string
	if f.long != "" {
		w = append(w, "--"+f.long)
	}
	if f.short != "" {
		w = append(w, "-"+f.short)
	}
	return w
}

func (sp compSpec) commandNames() []string {
	var out []string
	for _, c := range sp.commands {
		out = append(out, c.name)
	}
	return out
}

func sortedKeys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// fileFlagNames are the flags whose value is a path.
func fileFlagNames() []string { return []string{"config", "log-file", "stdin-filename"} }

func isFileFlag(name string) bool { return slices.Contains(fileFlagNames(), name) }

// fileFlagPattern is the case pattern "--config|--log-file|..." of bash and zsh.
func fileFlagPattern() string { return "--" + strings.Join(fileFlagNames(), "|--") }

// flagWords lists a command's flags as typed, long and short, for the shells'
// word lists.
func (sp compSpec) flagWords(cmd string) string {
	var words []string
	for _, f := range sp.flags[cmd] {
		words = append(words, f.words()...)
	}
	return strings.Join(words, " ")
}

func (sp compSpec) bash() string {
	var b strings.Builder
	b.WriteString("# bash completion for buflsp, generated by `buflsp completion bash`.\n")
	b.WriteString("_buflsp() {\n")
	b.WriteString("  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd=${COMP_WORDS[1]} words=\"\" args=\"\"\n")
	fmt.Fprintf(&b, "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n    COMPREPLY=($(compgen -W %q -- \"$cur\"))\n    return\n  fi\n", strings.Join(sp.commandNames(), " "))
	b.WriteString("  case $prev in\n")
	for _, f := range sortedKeys(sp.values) {
		fmt.Fprintf(&b, "    --%s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", f, strings.Join(sp.values[f], " "))
	}
	fmt.Fprintf(&b, "    %s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", fileFlagPattern())
	for _, c := range sp.commands {
		for _, f := range sp.flags[c.name] {
			if f.takesValue && sp.values[f.long] == nil && !isFileFlag(f.long) {
				fmt.Fprintf(&b, "    %s) [ \"$cmd\" = %s ] && return ;;\n", strings.Join(f.words(), "|"), c.name)
			}
		}
	}
	b.WriteString("  esac\n  case $cmd in\n")
	for _, c := range sp.commands {
		fmt.Fprintf(&b, "    %s) words=%q; args=%q ;;\n", c.name, sp.flagWords(c.name), strings.Join(sp.args[c.name], " "))
	}
	b.WriteString("  esac\n")
	b.WriteString("  if [[ $cur == -* ]]; then\n    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n")
	b.WriteString("  elif [ -n \"$args\" ]; then\n    COMPREPLY=($(compgen -W \"$args\" -- \"$cur\"))\n")
	b.WriteString("  else\n    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\n")
	b.WriteString("complete -o default -F _buflsp buflsp\n")
	return b.String()
}

func (sp compSpec) zsh() string {
	var b strings.Builder
	b.WriteString("#compdef buflsp\n# zsh completion for buflsp, generated by `buflsp completion zsh`.\n")
	b.WriteString("_buflsp() {\n  local -a cmds\n  if (( CURRENT == 2 )); then\n    cmds=(\n")
	for _, c := range sp.commands {
		fmt.Fprintf(&b, "      %s\n", shellQuote(c.name+":"+c.summary))
	}
	b.WriteString("    )\n    _describe 'command' cmds\n    return\n  fi\n")
	b.WriteString("  case ${words[CURRENT-1]} in\n")
	for _, f := range sortedKeys(sp.values) {
		fmt.Fprintf(&b, "    --%s) compadd -- %s; return ;;\n", f, strings.Join(sp.values[f], " "))
	}
	fmt.Fprintf(&b, "    %s) _files; return ;;\n  esac\n", fileFlagPattern())
	b.WriteString("  case ${words[2]} in\n")
	for _, c := range sp.commands {
		rest := "_files"
		if a := sp.args[c.name]; a != nil {
			rest = "compadd -- " + strings.Join(a, " ")
		}
		fmt.Fprintf(&b, "    %s) if [[ $PREFIX == -* ]]; then compadd -- %s; else %s; fi ;;\n", c.name, sp.flagWords(c.name), rest)
	}
	b.WriteString("  esac\n}\n")
	b.WriteString("if [ \"$funcstack[1]\" = \"_buflsp\" ]; then _buflsp \"$@\"; else compdef _buflsp buflsp; fi\n")
	return b.String()
}

func (sp compSpec) fish() string {
	var b strings.Builder
	b.WriteString("# fish completion for buflsp, generated by `buflsp completion fish`.\n")
	b.WriteString("complete -c buflsp -f\n")
	for _, c := range sp.commands {
		fmt.Fprintf(&b, "complete -c buflsp -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	for _, c := range sp.commands {
		cond := fishQuote("__fish_seen_subcommand_from " + c.name)
		for _, f := range sp.flags[c.name] {
			line := "complete -c buflsp -n " + cond
			if f.long != "" {
				line += " -l " + f.long
			}
			if f.short != "" {
				line += " -s " + f.short
			}
			switch {
			case sp.values[f.long] != nil:
				line += " -x -a " + fishQuote(strings.Join(sp.values[f.long], " "))
			case isFileFlag(f.long):
				line += " -r -F"
			case f.takesValue:
				line += " -x"
			}
			b.WriteString(line + "\n")
		}
		if a := sp.args[c.name]; a != nil {
			fmt.Fprintf(&b, "complete -c buflsp -n %s -a %s\n", cond, fishQuote(strings.Join(a, " ")))
		} else if c.name != "version" && c.name != "serve" {
			fmt.Fprintf(&b, "complete -c buflsp -n %s -F\n", cond)
		}
	}
	return b.String()
}

// shellQuote quotes s for sh and zsh: single quotes, with an embedded quote
// closed, escaped and reopened.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// fishQuote quotes s for fish, whose single quotes take \' and \\ inside.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}
