-- Growth that is bounded: a small constant number of iterations, or a
-- string that the loop resets (flushes) somewhere in its body. Reduced from
-- luarocks (fs/unix.lua), koreader (generic_ime.lua) and Neovim (_editor.lua).
local function perms(p_rwx, u_rwx)
  local new_perm = ""
  for j = 1, 3 do
    if p_rwx:sub(j, j) == u_rwx:sub(j, j) then
      new_perm = new_perm .. "-"
    else
      new_perm = new_perm .. p_rwx:sub(j, j)
    end
  end
  return new_perm
end

local function hints(candi)
  local hint_chars = ""
  for i = 1, math.min(#candi - 1, 5) do
    hint_chars = hint_chars .. candi[i]
  end
  return hint_chars
end

local function nested_small()
  local s = ""
  for i = 0, 15, 4 do
    for j = 1, 4 do
      s = s .. (i + j)
    end
  end
  return s
end

local function split(str, sep)
  local parts, acc = {}, ""
  for idx = 1, #str do
    local c = str:sub(idx, idx)
    if c == sep then
      parts[#parts + 1] = acc
      acc = ""
    else
      acc = acc .. c
    end
  end
  return parts
end

local function wrap(words, width)
  local lines, line = {}, ""
  for _, w in ipairs(words) do
    line = line .. " " .. w
    if #line > width then
      lines[#lines + 1] = line
      line = ""
    end
  end
  return lines
end

return perms, hints, nested_small, split, wrap
