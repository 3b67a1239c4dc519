-- Lint every Markdown file from now on: a setting changed in the running notelint servers.
for _, client in ipairs(vim.lsp.get_active_clients()) do
  if client.name == 'notelint' then
    client.config.settings.notelint.lintAllMarkdown = true
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end
end
