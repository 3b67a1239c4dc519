-- notelint language server for Markdown buffers (Neovim 0.7 or newer).
local root_markers = { '.notelintrc.json', '.notelintrc.jsonc', '.notelintrc.yaml', '.notelintrc.yml', '.git' }

-- The nearest folder above the file holding a notelint config or .git; else the file's own folder.
local function notelint_root(file)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local start = dir
  while true do
    for _, marker in ipairs(root_markers) do
      if vim.loop.fs_stat(dir .. '/' .. marker) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return start
    end
    dir = parent
  end
end

local notelint_clients = {} -- root folder -> client id: one server per notes folder

vim.api.nvim_create_autocmd('FileType', {
  group = vim.api.nvim_create_augroup('notelint', { clear = true }),
  pattern = 'markdown',
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    -- Only files on disk: hover pop-ups and other scratch buffers are Markdown too.
    if file == '' or vim.bo[args.buf].buftype ~= '' then
      return
    end
    local root = notelint_root(file)
    local client_id = notelint_clients[root]
    local client = client_id and vim.lsp.get_client_by_id(client_id)
    if not client or client.is_stopped() then
      client_id = vim.lsp.start_client({
        name = 'notelint',
        cmd = { 'notelint-language-server', '--stdio' },
        root_dir = root,
        -- Section "notelint": sent when the server starts, and the answer to workspace/configuration.
        settings = {
          notelint = {
            enable = true,
            lintAllMarkdown = false,
            inlayHints = { relativeDates = false },
            codeLens = { nextEvent = true },
            -- rules = { ['no-vague-follow-up'] = 'error' },
          },
        },
      })
      notelint_clients[root] = client_id
    end
    if client_id then
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
