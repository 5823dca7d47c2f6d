-- Headless Neovim end-to-end test of the buflsp plugin, run by e2e_test.go:
--   nvim --headless --noplugin -n -i NONE -u test/e2e.lua file.lua
-- It configures the plugin exactly as a user would (require("buflsp").setup),
-- waits for diagnostics, asks for hover and completion, applies a code
-- action, and writes everything it saw to $E2E_OUT as JSON.
-- Exit codes: 0 ok, 2 deadline, 3 server did not start, 4 no diagnostics,
-- 5 a request failed, 1 Lua error.
local out_path = os.getenv("E2E_OUT") or "e2e-out.json"
local timeout = tonumber(os.getenv("E2E_TIMEOUT_MS") or "20000")
local result = { steps = {} }

local function step(name) table.insert(result.steps, name) end

local function finish(code, reason)
  result.exit_code = code
  result.reason = reason
  local f = io.open(out_path, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  for _, c in ipairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do c.stop() end
  vim.wait(1000, function() return #((vim.lsp.get_clients or vim.lsp.get_active_clients)()) == 0 end, 20)
  if code == 0 then vim.cmd("qall!") else vim.cmd("cquit " .. code) end
end

vim.opt.runtimepath:prepend(os.getenv("BUFLSP_PLUGIN"))
vim.cmd("filetype on")

local deadline = vim.loop.new_timer()
deadline:start(timeout, 0, vim.schedule_wrap(function() finish(2, "deadline") end))

local function run()
  local buflsp = require("buflsp")
  buflsp.setup({
    cmd = { os.getenv("BUFLSP_CMD"), "serve", "--log-level", "debug" },
    settings = { target = "luajit" },
    companion = os.getenv("E2E_COMPANION") == "true",
  })
  local bufnr = vim.api.nvim_get_current_buf()
  step("setup")
  if not vim.wait(5000, function()
    local cs = buflsp.clients()
    return #cs > 0 and cs[1].initialized ~= false and cs[1].server_capabilities ~= nil
  end, 10) then
    return finish(3, "server did not initialize")
  end
  local client = buflsp.clients()[1]
  result.server_capabilities = client.server_capabilities
  step("initialized")

  if not vim.wait(5000, function() return #vim.diagnostic.get(bufnr) >= 2 end, 10) then
    result.diagnostics = vim.diagnostic.get(bufnr)
    return finish(4, "diagnostics not received")
  end
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, code = d.code, message = d.message, severity = d.severity, source = d.source })
  end
  step("diagnostics")

  local function request(method, params)
    local res, err = vim.lsp.buf_request_sync(bufnr, method, params, 5000)
    if not res then return nil, err or "timeout" end
    for _, r in pairs(res) do
      if r.err then return nil, vim.inspect(r.err) end
      return r.result
    end
    return nil, "no answer"
  end
  local uri = vim.uri_from_bufnr(bufnr)
  local function at(line, col) return { textDocument = { uri = uri }, position = { line = line, character = col } } end

  -- Hover on "put" in `sbuf:put("x")` (line 3).
  local hover, err = request("textDocument/hover", at(3, 6))
  if not hover then return finish(5, "hover: " .. tostring(err)) end
  result.hover = hover.contents.value
  step("hover")

  -- Completion right after "sbuf:" on the last line.
  local last = vim.api.nvim_buf_line_count(bufnr) - 1
  local line = vim.api.nvim_buf_get_lines(bufnr, last, last + 1, false)[1]
  local comp
  comp, err = request("textDocument/completion", at(last, #line))
  if not comp then return finish(5, "completion: " .. tostring(err)) end
  result.completion = {}
  for _, item in ipairs(comp.items or comp) do table.insert(result.completion, item.label) end
  step("completion")

  -- Code actions on the unknown-rule warning; apply "disable for this line".
  local target
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == "unknown-rule" then target = d end
  end
  if not target then return finish(5, "no unknown-rule diagnostic") end
  local params = {
    textDocument = { uri = uri },
    range = { start = { line = target.lnum, character = target.col }, ["end"] = { line = target.end_lnum, character = target.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum) },
  }
  local actions
  actions, err = request("textDocument/codeAction", params)
  if not actions then return finish(5, "codeAction: " .. tostring(err)) end
  result.actions = {}
  local chosen
  for _, a in ipairs(actions) do
    table.insert(result.actions, a.title)
    if a.title:find("for this line", 1, true) then chosen = a end
  end
  if not chosen then return finish(5, "no disable-for-line action") end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or "utf-16")
  result.text = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  step("codeaction")

  -- After the edit the warning goes away (the server re-analyses the new
  -- version that Neovim sent).
  local gone = vim.wait(5000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == "unknown-rule" then return false end
    end
    return true
  end, 10)
  result.warning_cleared = gone
  step("reanalysed")

  -- :BuflspRestart replaces the client and the buffer is attached again.
  local old_id = client.id
  vim.cmd("BuflspRestart")
  local restarted = vim.wait(8000, function()
    local cs = buflsp.clients()
    return #cs == 1 and cs[1].id ~= old_id and cs[1].initialized ~= false
      and vim.lsp.buf_is_attached(bufnr, cs[1].id)
  end, 20)
  result.restarted = restarted
  step("restart")

  -- :BuflspEvaluate runs the buffer on the server's sandbox: the value of the
  -- "--=" line shows as virtual text, printed output in the scratch window.
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, {
    'local M = require("string.buffer")',
    'local b = M.new():put("hello")',
    'local n = #b --=',
    'print(b:tostring())',
    'return n',
  })
  vim.cmd("BuflspEvaluate")
  local ns = vim.api.nvim_create_namespace("buflsp_evaluate")
  local evaluated = vim.wait(8000, function()
    return #vim.api.nvim_buf_get_extmarks(bufnr, ns, 0, -1, {}) > 0
      and vim.fn.bufnr("buflsp://evaluate") ~= -1
  end, 20)
  if not evaluated then return finish(5, "no evaluation results shown") end
  result.eval_virt = {}
  for _, m in ipairs(vim.api.nvim_buf_get_extmarks(bufnr, ns, 0, -1, { details = true })) do
    local text = ""
    for _, chunk in ipairs(m[4].virt_text or {}) do text = text .. chunk[1] end
    table.insert(result.eval_virt, { line = m[2], text = text })
  end
  result.eval_scratch = vim.api.nvim_buf_get_lines(vim.fn.bufnr("buflsp://evaluate"), 0, -1, false)
  step("evaluate")

  -- A .luau file opened afterwards gets the filetype luau and the client,
  -- with nothing more in the user's configuration (on 0.7, filetype.vim
  -- does not know .luau and vim.filetype.add is not consulted by default).
  local luau = os.getenv("E2E_LUAU")
  if luau then
    vim.cmd("edit " .. vim.fn.fnameescape(luau))
    local lbuf = vim.api.nvim_get_current_buf()
    result.luau_filetype = vim.bo[lbuf].filetype
    local got = vim.wait(8000, function()
      for _, c in ipairs(buflsp.clients()) do
        if vim.lsp.buf_is_attached(lbuf, c.id) then
          return #vim.diagnostic.get(lbuf) > 0
        end
      end
      return false
    end, 20)
    result.luau_diagnostics = {}
    for _, d in ipairs(vim.diagnostic.get(lbuf)) do
      table.insert(result.luau_diagnostics, { lnum = d.lnum, col = d.col, code = d.code, message = d.message })
    end
    if not got then return finish(4, "no diagnostics for the .luau file") end
    step("luau")
  end
  finish(0, "ok")
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    vim.schedule(function()
      local ok, e = pcall(run)
      if not ok then
        result.error = tostring(e)
        finish(1, "lua error")
      end
    end)
  end,
})
