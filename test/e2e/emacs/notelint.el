(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode gfm-mode) . ("notelint-language-server" "--stdio"))))
(add-hook 'markdown-mode-hook #'eglot-ensure)
