;;; run.el --- Emacs batch harness for test/editor-emacs.test.ts  -*- lexical-binding: t -*-
;;
;;   emacs --batch -q -l test/e2e/emacs/run.el
;;
;; Loads the Eglot setup docs/editors.md shows (notelint.el beside this file, byte for byte the
;; doc's block), visits Markdown files and records what the notelint server did with each (its
;; notelint/status notification) and what Flymake holds for the buffer, then writes a JSON result
;; and exits 0 when every check below holds, 1 otherwise.  `-q', not `-Q': Debian's site-start
;; puts the elpa packages (eglot, markdown-mode) on the load path.  Environment:
;;   NOTELINT_E2E_RESULT   where to write the JSON result
;;   NOTELINT_E2E_BAD      a meeting note with problems: notelint's diagnostics expected
;;   NOTELINT_E2E_GOOD     a clean meeting note: none expected, once the server has linted it
;;   NOTELINT_E2E_README   a plain README in a code repository: skipped, no diagnostics
;;   NOTELINT_E2E_README_ALL  a README under the documented .dir-locals.el, with lintAllMarkdown
;;                            turned on in it: linted
;;   NOTELINT_E2E_TIMEOUT  seconds to wait for each answer (default 20)

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(defvar e2e-here (file-name-directory (or load-file-name buffer-file-name)))
(defvar e2e-timeout (string-to-number (or (getenv "NOTELINT_E2E_TIMEOUT") "20")))
(defvar e2e-statuses nil "Every notelint/status notification, newest first.")
(defvar e2e-failures nil)
(defvar e2e-steps nil)

(defun e2e-fail (message) (push message e2e-failures))

;; The documented setup, then the packages it configures.
(load (expand-file-name "notelint.el" e2e-here) nil t)
(require 'markdown-mode)
(require 'eglot)
(require 'flymake)

;; Observer: the server's own word that it is done with a document.
(cl-defmethod eglot-handle-notification (_server (_method (eql notelint/status)) &rest params)
  (push params e2e-statuses))

(defun e2e-status-for (file after)
  "The newest notelint/status for FILE among the first (newest) ones beyond AFTER."
  (let ((fresh (butlast e2e-statuses after)))
    (cl-find-if (lambda (status)
                  (let ((uri (plist-get status :uri)))
                    (and (stringp uri)
                         (string= (file-truename (eglot--uri-to-path uri)) (file-truename file)))))
                fresh)))

(defun e2e-wait (predicate)
  "Wait until PREDICATE holds, at most `e2e-timeout' seconds; return its value or nil."
  (let ((deadline (+ (float-time) e2e-timeout)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun e2e-diagnostics ()
  "What Flymake holds for the current buffer, with the LSP fields Eglot kept."
  (mapcar (lambda (d)
            (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d))))
              (list :source (plist-get lsp :source)
                    :code (plist-get lsp :code)
                    :severity (plist-get lsp :severity)
                    :line (1+ (plist-get (plist-get (plist-get lsp :range) :start) :line))
                    :message (plist-get lsp :message))))
          (flymake-diagnostics)))

(defun e2e-visit (label file)
  (let ((step (list :label label :file file))
        (after (length e2e-statuses))
        (started (float-time)))
    (find-file file)
    ;; eglot-ensure connects from post-command-hook, after the command that opened the file; batch
    ;; Emacs has no command loop, so end "the command" here.
    (run-hooks 'post-command-hook)
    (setq step (plist-put step :mode (symbol-name major-mode)))
    (setq step (plist-put step :attached
                          (if (e2e-wait (lambda () (and (eglot-current-server) eglot--managed-mode))) t :json-false)))
    (if (not (eq (plist-get step :attached) t))
        (e2e-fail (format "%s: Eglot never managed the buffer (major mode %s)" label major-mode))
      ;; Flymake starts on a timer after a command; start it now, so that Eglot can report to it.
      (flymake-start)
      (let ((status (e2e-wait (lambda () (e2e-status-for file after)))))
        (setq step (plist-put step :status status))
        (if (not status)
            (e2e-fail (format "%s: no notelint/status for %s within %s s" label file e2e-timeout))
          (when (equal (plist-get status :state) "linted")
            (e2e-wait (lambda ()
                        (flymake-start)
                        (= (length (flymake-diagnostics)) (or (plist-get status :problems) 0)))))
          (let ((deadline (+ (float-time) 0.3)))
            (while (< (float-time) deadline) (accept-process-output nil 0.05)))
          (setq step (plist-put step :diagnostics (vconcat (e2e-diagnostics)))))))
    (setq step (plist-put step :elapsed_ms (round (* 1000 (- (float-time) started)))))
    (push step e2e-steps)
    step))

(defun e2e-run ()
  (let ((bad (e2e-visit "bad" (getenv "NOTELINT_E2E_BAD")))
        (good (e2e-visit "good" (getenv "NOTELINT_E2E_GOOD")))
        (readme (e2e-visit "readme" (getenv "NOTELINT_E2E_README")))
        (readme-all (e2e-visit "readme, lintAllMarkdown" (getenv "NOTELINT_E2E_README_ALL"))))
    (let ((status (plist-get bad :status)) (diags (append (plist-get bad :diagnostics) nil)))
      (when status
        (unless (equal (plist-get status :state) "linted") (e2e-fail "bad: not linted"))
        (unless diags (e2e-fail "bad: no diagnostics for a note with problems"))
        (dolist (d diags)
          (unless (equal (plist-get d :source) "notelint") (e2e-fail (format "bad: not from notelint: %S" d))))))
    (let ((status (plist-get good :status)))
      (when status
        (unless (equal (plist-get status :state) "linted") (e2e-fail "good: not linted"))
        (when (append (plist-get good :diagnostics) nil) (e2e-fail "good: diagnostics for a clean note"))))
    (let ((status (plist-get readme :status)))
      (when status
        (unless (equal (plist-get status :state) "skipped") (e2e-fail "readme: a plain README was not skipped"))
        (when (append (plist-get readme :diagnostics) nil) (e2e-fail "readme: diagnostics for a plain README"))))
    (let ((status (plist-get readme-all :status)))
      (when status
        (unless (equal (plist-get status :state) "linted")
          (e2e-fail "readme with lintAllMarkdown (.dir-locals.el): not linted"))
        (unless (append (plist-get readme-all :diagnostics) nil)
          (e2e-fail "readme with lintAllMarkdown (.dir-locals.el): no diagnostics"))))))

(let ((ok nil))
  (condition-case err
      (e2e-run)
    (error (e2e-fail (format "harness error: %S" err))))
  (setq ok (null e2e-failures))
  (with-temp-file (getenv "NOTELINT_E2E_RESULT")
    (insert (let ((json-encoding-pretty-print nil))
              (json-encode (list :ok (if ok t :json-false)
                                 :emacs emacs-version
                                 :eglot (if (boundp 'eglot--version) eglot--version "unknown")
                                 :failures (vconcat (reverse e2e-failures))
                                 :steps (vconcat (reverse e2e-steps))
                                 :statuses (vconcat (reverse e2e-statuses)))))))
  ;; Shut the servers down politely, then leave with the verdict.
  (ignore-errors (eglot-shutdown-all))
  (kill-emacs (if ok 0 1)))
