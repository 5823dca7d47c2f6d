-- buflsp for Neovim: starts `buflsp serve` for Lua and Luau buffers with the
-- built-in LSP client. Works on Neovim 0.7 (vim.lsp.start_client) and on
-- newer versions (vim.lsp.start).
--
--   require("buflsp").setup({
--     cmd = { "buflsp", "serve" },          -- how to start the server
--     filetypes = { "lua", "luau" },
--     root_markers = { ".buflsp.toml", ".git" },
--     settings = { target = "luajit", rules = { ["buffer-concat"] = "off" } },
--     companion = true,                     -- lua_ls or luau-lsp runs too
--     on_attach = function(client, bufnr) end,
--   })
local M = {}

local defaults = {
  cmd = { "buflsp", "serve" },
  filetypes = { "lua", "luau" },
  root_markers = { ".buflsp.toml", ".git" },
  settings = {},
  -- companion: another Lua server (lua_ls, luau-lsp) answers names, symbols,
  -- rename and colouring; buflsp then announces only its own features.
  companion = false,
  on_attach = nil,
  capabilities = nil,
  name = "buflsp",
}

-- state is per setup() call; nothing else is kept between calls.
local state = { config = nil, clients = {} }

local function merge(base, extra)
  local out = {}
  for k, v in pairs(base) do out[k] = v end
  for k, v in pairs(extra or {}) do out[k] = v end
  return out
end

-- root_dir walks up from the buffer's file to the first directory holding
-- one of the markers, else the file's own directory.
local function root_dir(bufnr, markers)
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then
    return vim.loop.cwd()
  end
  local dir = vim.fn.fnamemodify(name, ":p:h")
  local cur = dir
  while cur and cur ~= "" do
    for _, m in ipairs(markers) do
      if vim.loop.fs_stat(cur .. "/" .. m) then
        return cur
      end
    end
    local parent = vim.fn.fnamemodify(cur, ":h")
    if parent == cur then break end
    cur = parent
  end
  return dir
end

local function client_config(cfg, root)
  return {
    name = cfg.name,
    cmd = cfg.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = merge(cfg.settings, { companion = cfg.companion }),
    settings = { buflsp = cfg.settings },
    capabilities = cfg.capabilities or vim.lsp.protocol.make_client_capabilities(),
    on_attach = cfg.on_attach,
    on_init = function(client)
      -- Send the settings once more as a configuration change: servers and
      -- clients differ on initializationOptions, this always works.
      client.notify("workspace/didChangeConfiguration", { settings = { buflsp = cfg.settings } })
    end,
  }
end

-- attach starts (or reuses) the client for the buffer's root and attaches it.
function M.attach(bufnr)
  local cfg = state.config
  if not cfg then return end
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local root = root_dir(bufnr, cfg.root_markers)
  if vim.lsp.start then
    local id = vim.lsp.start(client_config(cfg, root), { bufnr = bufnr })
    if id then state.clients[root] = id end
    return id
  end
  local id = state.clients[root]
  if not id or not vim.lsp.get_client_by_id(id) or vim.lsp.get_client_by_id(id).is_stopped() then
    id = vim.lsp.start_client(client_config(cfg, root))
    if not id then
      vim.notify("buflsp: could not start " .. table.concat(cfg.cmd, " ") .. " (is buflsp installed and on PATH?)", vim.log.levels.ERROR)
      return nil
    end
    state.clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

-- clients returns the running buflsp clients.
function M.clients()
  local out = {}
  local all = (vim.lsp.get_clients or vim.lsp.get_active_clients)()
  for _, c in ipairs(all) do
    if c.name == (state.config and state.config.name or "buflsp") then
      table.insert(out, c)
    end
  end
  return out
end

-- restart stops every buflsp client and attaches the open Lua buffers again.
function M.restart()
  local buffers = {}
  for _, c in ipairs(M.clients()) do
    for bufnr, _ in pairs(c.attached_buffers or {}) do
      table.insert(buffers, bufnr)
    end
    c.stop()
  end
  state.clients = {}
  local tries = 0
  local timer = vim.loop.new_timer()
  timer:start(100, 100, vim.schedule_wrap(function()
    tries = tries + 1
    if #M.clients() == 0 or tries > 20 then
      timer:stop()
      timer:close()
      for _, b in ipairs(buffers) do
        if vim.api.nvim_buf_is_valid(b) then M.attach(b) end
      end
    end
  end))
end

-- commands lists the user commands the plugin defines: later commands
-- (such as :BuflspEvaluate) are one more entry here.
M.commands = {
  BuflspRestart = { fn = function() M.restart() end, opts = { desc = "Restart the buflsp language server" } },
  BuflspEvaluate = require("buflsp.evaluate").command,
}

function M.setup(opts)
  local cfg = merge(defaults, opts)
  state.config = cfg
  for name, c in pairs(M.commands) do
    pcall(vim.api.nvim_del_user_command, name)
    vim.api.nvim_create_user_command(name, c.fn, c.opts)
  end
  if vim.filetype and vim.filetype.add then
    vim.filetype.add({ extension = { luau = "luau" } })
  end
  local group = vim.api.nvim_create_augroup("buflsp", { clear = true })
  -- Neovim 0.7 detects filetypes with filetype.vim, which does not know
  -- .luau, and consults vim.filetype.add only with g:do_filetype_lua set;
  -- this autocommand works on every version (setfiletype keeps a filetype
  -- that something else already set).
  vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
    group = group,
    pattern = "*.luau",
    command = "setfiletype luau",
  })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = cfg.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
  -- Buffers that were already open when setup ran.
  for _, b in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(cfg.filetypes, vim.bo[b].filetype) then
      M.attach(b)
    end
  end
end

return M
