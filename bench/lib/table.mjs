// The benchmark's one table: each row says what was measured, the figure, the target, the ratio
// (where the target is a ratio) and whether the target is met. Printed as a Markdown table, so that
// the same text reads in a terminal and pastes into the README.

/**
 * One row. `value` is the number compared with the target (a time, a ratio, a size); `atMost` or
 * `atLeast` is the target's limit; `value` undefined means the figure could not be measured;
 * `failed` (the note could not be linted at all) is never met, however fast it failed.
 */
export function row({ what, figure, target, value, atMost, atLeast, ratio = '', failed = false, note }) {
  let met;
  if (failed) met = false;
  else if (value === undefined || Number.isNaN(value)) met = undefined;
  else if (atMost !== undefined) met = value <= atMost;
  else if (atLeast !== undefined) met = value >= atLeast;
  return { what, figure, target, ratio, met, value, ...(note ? { note } : {}) };
}

/** "met", "NOT met" or "not measured". */
export function verdict(met) {
  return met === undefined ? 'not measured' : met ? 'met' : 'NOT met';
}

const escapeCell = (cell) => String(cell).replace(/\|/g, '\\|');

/** The rows as a Markdown table with aligned columns, then their notes (numbered) under it. */
export function formatTable(rows) {
  const header = ['what', 'figure', 'target', 'ratio', 'met'];
  const notes = [];
  const cells = rows.map((r) => {
    let what = r.what;
    if (r.note) {
      notes.push(r.note);
      what += ` [${notes.length}]`;
    }
    return [what, r.figure, r.target, r.ratio, verdict(r.met)].map(escapeCell);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  const lines = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)];
  const met = rows.filter((r) => r.met === true).length;
  lines.push('', `${met} of ${rows.length} targets met.`);
  if (notes.length > 0) lines.push('', ...notes.map((n, i) => `[${i + 1}] ${n}`));
  return lines.join('\n');
}

/** Seconds, milliseconds and megabytes as the table writes them. */
export const fmt = {
  s: (seconds) => (seconds === undefined ? '—' : `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`),
  ms: (ms) => (ms === undefined ? '—' : `${ms.toFixed(ms < 100 ? 1 : 0)} ms`),
  mb: (bytes) => (bytes === undefined ? '—' : `${Math.round(bytes / 2 ** 20)} MB`),
  x: (ratio) => (ratio === undefined ? '—' : `${ratio.toFixed(2)}×`),
};
