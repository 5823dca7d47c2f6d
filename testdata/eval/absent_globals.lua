-- Base functions that reach files or the debugger are absent.
return dofile, loadfile, module, _printregs, string.dump, package.loadlib, channel
