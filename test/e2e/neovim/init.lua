-- Headless Neovim harness for test/editor-neovim.test.ts (Neovim 0.7: no vim.fs, no vim.lsp.start).
--
--   nvim --headless --clean -u test/e2e/neovim/init.lua
--
-- Loads the setup docs/editors.md shows (notelint.lua beside this file, byte for byte the doc's
-- block), opens three Markdown files and records what the server did with each, then writes a JSON
-- result and exits 0 when every check below holds, 1 otherwise. Environment:
--   NOTELINT_E2E_RESULT   where to write the JSON result
--   NOTELINT_E2E_BAD      a meeting note with problems: notelint's diagnostics expected
--   NOTELINT_E2E_GOOD     a clean meeting note: none expected, once the server has linted it
--   NOTELINT_E2E_README   a plain README in a code repository: skipped, no diagnostics
--   NOTELINT_E2E_TIMEOUT  milliseconds to wait for each answer (default 20000)
-- The harness only observes: it wraps the global handlers (vim.lsp.handlers), which a client falls
-- back on when its config has none, so the documented setup runs unchanged.

local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local result_path = assert(os.getenv('NOTELINT_E2E_RESULT'), 'NOTELINT_E2E_RESULT is not set')
local timeout = tonumber(os.getenv('NOTELINT_E2E_TIMEOUT') or '') or 20000

vim.lsp.set_log_level('debug') -- the test prints the tail of lsp.log (under XDG_CACHE_HOME) on failure

local result = {
  nvim = vim.version(),
  steps = {},
  statuses = {}, -- every notelint/status notification, in order
  configuration = {}, -- every workspace/configuration request and Neovim's answer
  published = {}, -- uri -> number of textDocument/publishDiagnostics received
  messages = {}, -- window/showMessage and window/logMessage from the server
  failures = {},
}

-- Observers ---------------------------------------------------------------------------------------

local handlers = vim.lsp.handlers

handlers['notelint/status'] = function(_, params)
  table.insert(result.statuses, params)
end

local publish = handlers['textDocument/publishDiagnostics']
handlers['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
  if params and params.uri then
    result.published[params.uri] = (result.published[params.uri] or 0) + 1
  end
  return publish(err, params, ctx, config)
end

local configuration = handlers['workspace/configuration']
handlers['workspace/configuration'] = function(err, params, ctx, config)
  local answer = configuration(err, params, ctx, config)
  table.insert(result.configuration, { items = params and params.items, answer = answer })
  return answer
end

-- Headless, nothing can answer a prompt: record it and pick no action (0.7 would block on inputlist).
handlers['window/showMessageRequest'] = function(_, params)
  if params then
    table.insert(result.messages, { method = 'window/showMessageRequest', type = params.type, message = params.message })
  end
  return vim.NIL
end

for _, method in ipairs({ 'window/showMessage', 'window/logMessage' }) do
  local original = handlers[method]
  handlers[method] = function(err, params, ctx, config)
    if params then
      table.insert(result.messages, { method = method, type = params.type, message = params.message })
    end
    if method == 'window/showMessage' then
      return -- headless: nothing to show, and no prompt to block on
    end
    return original(err, params, ctx, config)
  end
end

-- The documented setup ----------------------------------------------------------------------------

dofile(here .. '/notelint.lua')

-- Steps -------------------------------------------------------------------------------------------

local function fail(message)
  table.insert(result.failures, message)
end

local function same_file(uri, file)
  local ok, name = pcall(vim.uri_to_fname, uri)
  return ok and vim.loop.fs_realpath(name) == vim.loop.fs_realpath(file)
end

--- The last notelint/status for this file after the `after`-th one, if any.
local function status_for(file, after)
  for i = #result.statuses, (after or 0) + 1, -1 do
    local status = result.statuses[i]
    if type(status) == 'table' and type(status.uri) == 'string' and same_file(status.uri, file) then
      return status
    end
  end
end

local function published_for(file)
  local count = 0
  for uri, n in pairs(result.published) do
    if same_file(uri, file) then
      count = count + n
    end
  end
  return count
end

local function notelint_clients(bufnr)
  local names = {}
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == 'notelint' then
      table.insert(names, client.name)
    end
  end
  return names
end

--- Waits until the server has answered for `file` (a notelint/status after the `after`-th one, and
--- for a linted file its diagnostics), then records the answer and what Neovim shows in `step`.
local function settle(step, bufnr, file, after, started)
  -- The server's own word that it is done with this document: without it, "no diagnostics" could
  -- only mean "not linted yet".
  step.answered = vim.wait(timeout, function()
    return status_for(file, after) ~= nil
  end, 20) and true or false
  step.status = status_for(file, after)
  if not step.answered then
    fail(step.label .. ': no notelint/status notification for ' .. step.uri .. ' within ' .. timeout .. ' ms')
    return step
  end
  -- A linted document also gets its publishDiagnostics (pushed: Neovim 0.7 cannot pull); wait until
  -- as many diagnostics as the status counted are in place.
  if step.status.state == 'linted' then
    vim.wait(timeout, function()
      return published_for(file) > step.published_before
        and #vim.diagnostic.get(bufnr) == (tonumber(step.status.problems) or 0)
    end, 20)
  else
    vim.wait(300, function()
      return false
    end, 20) -- a moment for any stray publish to arrive, so that "none" means none
  end
  step.published = published_for(file) - step.published_before
  step.elapsed_ms = math.floor((vim.loop.hrtime() - started) / 1e6)

  step.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(step.diagnostics, {
      source = d.source,
      code = d.code,
      severity = d.severity,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      message = d.message,
    })
  end
  return step
end

--- Opens `file`, waits until the notelint server has answered for it, and records what it shows.
local function visit(label, file)
  local step = { label = label, file = file }
  table.insert(result.steps, step)
  if not file or file == '' then
    fail(label .. ': no file given')
    return step
  end
  local started = vim.loop.hrtime()
  local after = #result.statuses
  step.published_before = published_for(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  step.bufnr = bufnr
  step.uri = vim.uri_from_bufnr(bufnr)
  step.filetype = vim.bo[bufnr].filetype

  step.attached = vim.wait(timeout, function()
    return #notelint_clients(bufnr) > 0
  end, 20) and true or false
  if not step.attached then
    fail(label .. ': the notelint client never attached to the buffer (filetype "' .. step.filetype .. '")')
    return step
  end
  return settle(step, bufnr, file, after, started)
end

--- Runs a Lua file of the documented setup, then waits for the server's new answer for `of.file`.
local function after_running(label, script, of)
  local step = { label = label, file = of.file, uri = of.uri, filetype = of.filetype, attached = of.attached }
  table.insert(result.steps, step)
  local started = vim.loop.hrtime()
  local after = #result.statuses
  step.published_before = published_for(of.file)
  dofile(here .. '/' .. script)
  return settle(step, of.bufnr, of.file, after, started)
end

local function run()
  local bad = visit('bad', os.getenv('NOTELINT_E2E_BAD'))
  if bad.answered then
    if bad.status.state ~= 'linted' then
      fail('bad: the server did not lint the note: state "' .. tostring(bad.status.state) .. '"')
    end
    if #bad.diagnostics == 0 then
      fail('bad: no diagnostics for a note with problems')
    end
    for _, d in ipairs(bad.diagnostics) do
      if d.source ~= 'notelint' then
        fail('bad: a diagnostic whose source is not notelint: ' .. vim.inspect(d))
      end
    end
  end

  local good = visit('good', os.getenv('NOTELINT_E2E_GOOD'))
  if good.answered then
    if good.status.state ~= 'linted' then
      fail('good: the server did not lint the note: state "' .. tostring(good.status.state) .. '"')
    end
    if good.published == 0 then
      fail('good: linted, but no textDocument/publishDiagnostics arrived for it')
    end
    if #good.diagnostics > 0 then
      fail('good: diagnostics for a clean note: ' .. vim.inspect(good.diagnostics))
    end
  end

  local readme = visit('readme', os.getenv('NOTELINT_E2E_README'))
  if readme.answered then
    if readme.status.state ~= 'skipped' then
      fail('readme: a plain README was not skipped: state "' .. tostring(readme.status.state) .. '"')
    end
    if #readme.diagnostics > 0 then
      fail('readme: diagnostics for a plain README: ' .. vim.inspect(readme.diagnostics))
    end
  end

  -- Settings reach the server: Neovim 0.7 does not declare workspace.configuration, so the server
  -- uses what Neovim pushes with workspace/didChangeConfiguration (at start, and on a change).
  if readme.answered then
    local all = after_running('readme, lintAllMarkdown', 'lint-all-markdown.lua', readme)
    if all.answered then
      if all.status.state ~= 'linted' then
        fail('readme with lintAllMarkdown: not linted: state "' .. tostring(all.status.state) .. '"')
      end
      if #all.diagnostics == 0 then
        fail('readme with lintAllMarkdown: no diagnostics')
      end
    end
  end
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  nested = true, -- :edit must fire FileType, which starts the client
  callback = function()
    local ok, err = xpcall(run, debug.traceback)
    if not ok then
      fail('harness error: ' .. tostring(err))
    end
    result.ok = #result.failures == 0
    local written, werr = pcall(vim.fn.writefile, { vim.json.encode(result) }, result_path)
    if not written then
      io.stderr:write('cannot write ' .. result_path .. ': ' .. tostring(werr) .. '\n')
      result.ok = false
    end
    vim.cmd(result.ok and 'qall!' or 'cquit 1')
  end,
})
