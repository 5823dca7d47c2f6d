package main

// extraCommands returns the subcommands added by later parts of the toolkit
// (check, serve, eval). Keeping them in one list here means adding a command is
// a one-line change that does not touch dispatch.
func extraCommands() []command {
	return []command{
		{"check", "check Lua files for buffer mistakes (text, json, sarif, github)", runCheck},
		{"serve", "start the language server (stdio or --listen)", runServe},
		{"eval", "evaluate a Lua or Luau snippet in a sandbox with limits", runEval},
	}
}
