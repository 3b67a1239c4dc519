import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { boundInlineMarkers } from '../dist/core/parse/inline-density.js';
const walk = (d) => readdirSync(d).flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : /\.md$/i.test(n) ? [p] : []; });
let hits = 0;
for (const f of walk('/work/shared/corpus')) {
  const r = boundInlineMarkers(readFileSync(f, 'utf8'));
  if (r.firstDense) { hits++; console.log(f, r.firstDense, JSON.stringify(r.text.slice(r.firstDense.start, r.firstDense.start + 120))); }
}
console.log('dense paragraphs in', hits, 'files');
