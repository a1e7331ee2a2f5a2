-- Runs one Argo CD resource health script on PUC Lua 5.1 the way Argo CD v3.4.4 runs it on gopher-lua
-- (util/lua/lua.go): the same globals and libraries, the script as a chunk named "<string>", the last
-- returned value encoded to JSON with layeh.com/gopher-json's rules. lua.ts prepends `__params` (script,
-- obj, openLibs, sentinel) and reads the single line written after the sentinel.
local params = __params
__params = nil

-- Everything the driver needs, captured before the sandbox removes libraries from the script's view.
local write, format, byte, gsub, sort, concat = io.write, string.format, string.byte, string.gsub, table.sort, table.concat
local huge = math.huge
local ipairs, pairs, next, type, tostring, select, pcall, loadstring = ipairs, pairs, next, type, tostring, select, pcall, loadstring
local safeOs = { time = os.time, date = os.date }

local function quote(s)
  return '"' .. gsub(s, '[%c"\\]', function(c)
    if c == '"' then return '\\"' end
    if c == '\\' then return '\\\\' end
    return format('\\u%04x', byte(c))
  end) .. '"'
end

if not params.openLibs then
  -- lua.go:76-100: lua.NewState{SkipOpenLibs: true}, then OpenPackage, OpenBase, OpenTable and OpenSafeOs.
  -- OpenSafeOs registers its functions under lua.TabLibName ("table"), which already exists, so it adds
  -- nothing: no global os; only require("os") returns the safe {time, date} (PreloadModule, lua.go:100).
  -- Without OpenString, strings have no methods either.
  getmetatable('').__index = nil
  for _, name in ipairs({ 'string', 'math', 'io', 'os', 'debug', 'coroutine', 'gcinfo' }) do
    _G[name] = nil
  end
  -- gopher-lua's table library is getn, concat, insert, maxn, remove, sort (tablelib.go).
  table.setn, table.foreach, table.foreachi = nil, nil, nil
  local keep = { _G = true, package = true, table = true }
  for name in pairs(package.loaded) do
    if not keep[name] then package.loaded[name] = nil end
  end
  package.preload.os = function() return safeOs end
end

-- lua.go:107-115: actionParams is an empty table for health checks; obj is the live object.
actionParams = {}
obj = params.obj

local function emit(result)
  local fields = {}
  for k, v in pairs(result) do
    fields[#fields + 1] = quote(k) .. ':' .. (type(v) == 'string' and quote(v) or tostring(v))
  end
  write(params.sentinel, '{', concat(fields, ','), '}\n')
end

-- gopher-json's jsonValue.MarshalJSON: an empty table is [], a table whose first key is a number must be
-- the sequence 1..n, one whose first key is a string must have only string keys (encoded like a Go map,
-- keys sorted), and a table met twice anywhere is "recursively nested". Each level an error passes
-- through is wrapped by json.Marshal in a MarshalerError.
local errSparse = 'cannot encode sparse array'
local errNested = 'cannot encode recursively nested tables to JSON'
local errKeys = 'cannot encode mixed or invalid key types'

local function wrap(err)
  return 'json: error calling MarshalJSON for type json.jsonValue: ' .. err
end

local encode
encode = function(v, visited)
  local t = type(v)
  if t == 'boolean' then return tostring(v) end
  if t == 'nil' then return 'null' end
  if t == 'string' then return quote(v) end
  if t == 'number' then
    if v ~= v then return nil, 'json: unsupported value: NaN' end
    if v == huge then return nil, 'json: unsupported value: +Inf' end
    if v == -huge then return nil, 'json: unsupported value: -Inf' end
    return format('%.17g', v)
  end
  if t ~= 'table' then return nil, 'cannot encode ' .. t .. ' to JSON' end
  if visited[v] then return nil, errNested end
  visited[v] = true
  local key = next(v)
  if key == nil then return '[]' end
  local parts = {}
  if type(key) == 'number' then
    local expected, values = 1, {}
    local k, value = next(v)
    while k ~= nil do
      if type(k) ~= 'number' then return nil, errKeys end
      if k ~= expected then return nil, errSparse end
      values[#values + 1] = value
      expected = expected + 1
      k, value = next(v, k)
    end
    for _, value in ipairs(values) do
      local s, err = encode(value, visited)
      if err then return nil, wrap(err) end
      parts[#parts + 1] = s
    end
    return '[' .. concat(parts, ',') .. ']'
  elseif type(key) == 'string' then
    local keys = {}
    for k in pairs(v) do
      if type(k) ~= 'string' then return nil, errKeys end
      keys[#keys + 1] = k
    end
    sort(keys)
    for _, k in ipairs(keys) do
      local s, err = encode(v[k], visited)
      if err then return nil, wrap(err) end
      parts[#parts + 1] = quote(k) .. ':' .. s
    end
    return '{' .. concat(parts, ',') .. '}'
  end
  return nil, errKeys
end

local chunk, loadErr = loadstring(params.script, '=<string>')
if not chunk then
  emit({ error = loadErr })
  return
end

local function pack(...) return { n = select('#', ...), ... } end
local results = pack(pcall(chunk))
if not results[1] then
  emit({ error = tostring(results[2]) })
  return
end
-- lua.go:137: l.Get(-1), the last value the chunk returned, nil when it returned nothing.
local value = nil
if results.n >= 2 then value = results[results.n] end
if type(value) == 'table' then
  local json, err = encode(value, {})
  if err then
    emit({ error = wrap(err) })
  else
    emit({ json = json })
  end
elseif value == nil then
  emit({ returned = 'nil' })
else
  -- lua.go:32,164: incorrectReturnType
  emit({ error = format('expect %s output from Lua script, not %s', 'table', type(value)) })
end
