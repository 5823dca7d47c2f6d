package main

// extraCommands returns the subcommands added by later parts of the toolkit
// (check, serve, eval). Keeping them in one list here means adding a command is
// a one-line change that does not touch dispatch.
func extraCommands() []command {
	return []command{
		{"check", "check Lua files for buffer mistakes (text, json, sarif, github)", checkHelp, runCheck},
		{"serve", "start the language server (stdio or --listen)", serveHelp, runServe},
		{"eval", "evaluate a Lua or Luau snippet in a sandbox with limits", evalHelp, runEval},
		{"rules", "list the rules, or explain one (buflsp rules NAME)", rulesHelp, runRules},
		{"completion", "print a shell completion script (bash, zsh or fish)", completionHelp, runCompletion},
	}
}
