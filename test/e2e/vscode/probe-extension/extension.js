// Test-only extension (test/editor-vscode.test.ts): reads what VS Code itself holds and writes it as
// JSON to the file named by the NOTELINT_PROBE_OUT environment variable of the code-server process:
// every diagnostic (vscode.languages.getDiagnostics(), any source) and the open file documents' text.
// It writes on activation, whenever diagnostics or a document change, and on its command; each write
// goes to a temporary file renamed over the target, so a reader never sees half a file.
'use strict';
const fs = require('node:fs');
const vscode = require('vscode');

const SEVERITY = ['error', 'warning', 'information', 'hint'];

let seq = 0;
let timer;

function position(p) {
  return { line: p.line, character: p.character };
}

function state(reason) {
  const diagnostics = vscode.languages.getDiagnostics().map(([uri, list]) => ({
    uri: uri.toString(),
    fsPath: uri.scheme === 'file' ? uri.fsPath : null,
    diagnostics: list.map((d) => ({
      message: d.message,
      code: d.code !== null && typeof d.code === 'object' ? d.code.value : d.code,
      codeHref: d.code !== null && typeof d.code === 'object' && d.code.target ? d.code.target.toString() : null,
      source: d.source,
      severity: SEVERITY[d.severity],
      range: { start: position(d.range.start), end: position(d.range.end) },
    })),
  }));
  const documents = vscode.workspace.textDocuments
    .filter((doc) => doc.uri.scheme === 'file')
    .map((doc) => ({
      uri: doc.uri.toString(),
      fsPath: doc.uri.fsPath,
      languageId: doc.languageId,
      version: doc.version,
      isDirty: doc.isDirty,
      text: doc.getText(),
    }));
  const notelint = vscode.extensions.all
    .filter((e) => /notelint/i.test(e.id) && e.id !== 'notelint-test.notelint-e2e-probe')
    .map((e) => ({ id: e.id, isActive: e.isActive }));
  return { seq: ++seq, time: new Date().toISOString(), reason, extensions: notelint, diagnostics, documents };
}

function writeNow(reason) {
  const out = process.env.NOTELINT_PROBE_OUT;
  if (!out) return;
  try {
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state(reason), null, 1));
    fs.renameSync(tmp, out);
  } catch (error) {
    console.error('notelint probe: cannot write', out, error);
  }
}

/** Bursts of events (typing, a server publishing several files) become one write 50 ms later. */
function schedule(reason) {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    writeNow(reason);
  }, 50);
}

function activate(context) {
  context.subscriptions.push(
    vscode.languages.onDidChangeDiagnostics(() => schedule('diagnostics')),
    vscode.workspace.onDidOpenTextDocument(() => schedule('open')),
    vscode.workspace.onDidChangeTextDocument(() => schedule('change')),
    vscode.workspace.onDidSaveTextDocument(() => schedule('save')),
    vscode.workspace.onDidCloseTextDocument(() => schedule('close')),
    vscode.extensions.onDidChange(() => schedule('extensions')),
    vscode.commands.registerCommand('notelintProbe.write', () => writeNow('command')),
  );
  writeNow('activate');
  // The notelint extension may activate after this one: note when it does.
  const poll = setInterval(() => schedule('poll'), 1000);
  context.subscriptions.push({ dispose: () => clearInterval(poll) });
}

function deactivate() {
  if (timer) clearTimeout(timer);
}

module.exports = { activate, deactivate };
