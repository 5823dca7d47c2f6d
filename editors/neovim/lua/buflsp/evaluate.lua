-- :BuflspEvaluate runs the buffer, or the lines of a range, in the buflsp
-- server's sandbox (workspace/executeCommand "buflsp.evaluate") and shows
-- the outcome:
--   * a one-line summary as virtual text after the evaluated code (or on the
--     line of the error),
--   * the value of every line that ends with a "--=" comment as virtual text
--     on that line,
--   * the printed output, the values and the error in a scratch window
--     named buflsp://evaluate.
-- The virtual text disappears at the first edit of the buffer, as the
-- server forgets the results then too. Works on Neovim 0.7 (extmarks with
-- virt_text, nvim_buf_attach, client.request).
local M = {}

local ns = vim.api.nvim_create_namespace("buflsp_evaluate")
local scratch_name = "buflsp://evaluate"

-- watching[bufnr] is true while an on_lines watcher clears that buffer's
-- results at its next edit.
local watching = {}

local function buflsp_client(bufnr)
  for _, c in ipairs(require("buflsp").clients()) do
    if vim.lsp.buf_is_attached(bufnr, c.id) then
      return c
    end
  end
  return nil
end

-- clear removes the results shown in bufnr.
function M.clear(bufnr)
  if vim.api.nvim_buf_is_valid(bufnr) then
    vim.api.nvim_buf_clear_namespace(bufnr, ns, 0, -1)
  end
end

local function clear_on_edit(bufnr)
  if watching[bufnr] then return end
  watching[bufnr] = true
  vim.api.nvim_buf_attach(bufnr, false, {
    on_lines = function()
      watching[bufnr] = nil
      -- on_lines runs where the buffer may not be changed; clear right after.
      vim.schedule(function() M.clear(bufnr) end)
      return true -- detach: one edit is enough
    end,
    on_detach = function() watching[bufnr] = nil end,
  })
end

-- describe turns the reply into { summary, is_error, transcript lines }.
local function describe(res, title)
  local lines = { "-- " .. title .. string.format(" (%.1f ms)", (res.durationNs or 0) / 1e6) }
  local output = res.output or ""
  if output ~= "" then
    for l in (output:gsub("\n$", "") .. "\n"):gmatch("(.-)\n") do
      table.insert(lines, l)
    end
  end
  if res.outputTruncated then
    table.insert(lines, "[output cut at the server's limit]")
  end
  local values = {}
  for _, v in ipairs(res.values or {}) do
    table.insert(values, v.text)
  end
  if #values > 0 then
    table.insert(lines, "=> " .. table.concat(values, ", "))
  end
  local summary, is_error
  local e = res.error
  if type(e) == "table" and e ~= vim.NIL then
    local kind = e.kind == "limit" and ((e.limit or "") .. " limit exceeded") or ((e.kind or "") .. " error")
    summary, is_error = kind .. ": " .. (e.message or ""), true
    table.insert(lines, (e.line and e.line ~= vim.NIL and ("line " .. e.line .. ": ") or "") .. summary)
  elseif #values > 0 then
    summary = table.concat(values, ", ")
  elseif output ~= "" then
    local last = output:gsub("\n$", ""):match("([^\n]*)$")
    summary = last
  else
    summary = "ok (no result)"
  end
  if #lines == 1 then
    table.insert(lines, "ok (no output, no result)")
  end
  summary = summary:gsub("%s+", " ")
  if #summary > 120 then
    summary = summary:sub(1, 119) .. "…"
  end
  return summary, is_error, lines
end

-- show_scratch puts lines in the buflsp://evaluate buffer and shows it in a
-- window below the current one, keeping the cursor where it was.
local function show_scratch(lines)
  local buf = vim.fn.bufnr(scratch_name)
  if buf == -1 then
    buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, scratch_name)
    vim.api.nvim_buf_set_option(buf, "buftype", "nofile")
    vim.api.nvim_buf_set_option(buf, "bufhidden", "hide")
    vim.api.nvim_buf_set_option(buf, "swapfile", false)
  end
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  if vim.fn.bufwinid(buf) == -1 then
    local win = vim.api.nvim_get_current_win()
    vim.cmd("botright " .. math.min(math.max(#lines, 3), 12) .. "split")
    vim.api.nvim_win_set_buf(0, buf)
    vim.api.nvim_set_current_win(win)
  end
  return buf
end

-- show draws the reply in bufnr. first and last are the evaluated lines
-- (0-based, inclusive).
local function show(bufnr, res, first, last, title)
  M.clear(bufnr)
  local summary, is_error, lines = describe(res, title)
  local count = vim.api.nvim_buf_line_count(bufnr)
  for _, item in ipairs(res.inline or {}) do
    local l = item.position.line
    if l < count then
      local text = "= " .. item.text .. (item.count > 1 and (" (last of " .. item.count .. " runs)") or "")
      vim.api.nvim_buf_set_extmark(bufnr, ns, l, 0, { virt_text = { { text, "Comment" } }, virt_text_pos = "eol" })
    end
  end
  local line = math.min(last, count - 1)
  if is_error and type(res.error.line) == "number" and res.error.line >= 1 and res.error.line <= count then
    line = res.error.line - 1
  end
  while line > first and vim.api.nvim_buf_get_lines(bufnr, line, line + 1, false)[1]:match("^%s*$") do
    line = line - 1
  end
  vim.api.nvim_buf_set_extmark(bufnr, ns, line, 0, {
    virt_text = { { "⇒ " .. summary, is_error and "DiagnosticError" or "Comment" } },
    virt_text_pos = "eol",
  })
  clear_on_edit(bufnr)
  show_scratch(lines)
end

-- evaluate runs the buffer (or lines line1..line2, 1-based, when range is
-- set) and calls done(reply, err) after showing the result.
function M.evaluate(opts)
  opts = opts or {}
  local bufnr = opts.bufnr or vim.api.nvim_get_current_buf()
  local client = buflsp_client(bufnr)
  if not client then
    vim.notify("buflsp: no buflsp server is attached to this buffer, so nothing can be evaluated", vim.log.levels.WARN)
    return false
  end
  local uri = vim.uri_from_bufnr(bufnr)
  local arg = { uri = uri }
  local count = vim.api.nvim_buf_line_count(bufnr)
  local first, last = 0, count - 1
  local title = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ":t")
  if opts.range and opts.range > 0 then
    first, last = opts.line1 - 1, opts.line2 - 1
    arg.range = { start = { line = first, character = 0 }, ["end"] = { line = last + 1, character = 0 } }
    title = title .. ":" .. opts.line1 .. "-" .. opts.line2
  end
  client.request("workspace/executeCommand", { command = "buflsp.evaluate", arguments = { arg } }, function(err, res)
    if err then
      vim.notify("buflsp: evaluation failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    elseif res then
      show(bufnr, res, first, last, title)
    end
    if opts.done then opts.done(res, err) end
  end, bufnr)
  return true
end

-- command is the :BuflspEvaluate user command (registered by setup).
M.command = {
  fn = function(args)
    M.evaluate({ range = args.range, line1 = args.line1, line2 = args.line2 })
  end,
  opts = { range = true, desc = "Evaluate the buffer or the selected lines in the buflsp sandbox" },
}

M.namespace = ns

return M
