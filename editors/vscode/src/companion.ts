// Companion mode: next to lua-language-server (sumneko.lua) or luau-lsp (JohnnyMorganz.luau-lsp),
// buflsp keeps to what only it knows, so VS Code does not show every name twice in completion,
// hover, rename, symbols and semantic colouring. This file does not import `vscode`, so it can be
// tested with plain node.

/** The extensions whose servers answer the general Lua features. */
export const otherLuaServers = ['sumneko.lua', 'JohnnyMorganz.luau-lsp'];

export interface CompanionDecision {
  on: boolean;
  /** Why, for the output channel. */
  reason: string;
}

/**
 * Decides companion mode from the `buflsp.companion` setting ("auto", the default, "on" or "off") and
 * which extensions are installed.
 */
export function companionMode(setting: unknown, installed: (id: string) => boolean): CompanionDecision {
  if (setting === 'on' || setting === true) {
    return { on: true, reason: 'buflsp.companion is "on"' };
  }
  if (setting === 'off' || setting === false) {
    return { on: false, reason: 'buflsp.companion is "off"' };
  }
  const other = otherLuaServers.find((id) => installed(id));
  if (other) {
    return { on: true, reason: `${other} is installed` };
  }
  return { on: false, reason: `neither ${otherLuaServers.join(' nor ')} is installed` };
}
