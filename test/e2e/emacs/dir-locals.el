((markdown-mode
  . ((eglot-workspace-configuration
      . (:notelint (:enable t :lintAllMarkdown :json-false))))))
