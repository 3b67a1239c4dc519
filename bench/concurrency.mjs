#!/usr/bin/env node
// Whole-process folder lint with --concurrency off and auto, alternating, over a slice of the shared
// corpus (or the folders given); prints the median times and the ratio.
// usage: node bench/concurrency.mjs [DIR...] [--rounds N]   (build first: npm run build)
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 3;
const corpus = fileURLToPath(new URL('../../shared/corpus', import.meta.url));
const dirs = args.length > 0 ? args : [`${corpus}/nodejs-TSC`, `${corpus}/ipfs-team-mgmt`, `${corpus}/rust-lang-team`];
const bin = fileURLToPath(new URL('../bin/notelint.js', import.meta.url));

const run = (concurrency) => {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [bin, '--format', 'json', '--concurrency', concurrency, ...dirs], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (child.status !== 0 && child.status !== 1) throw new Error(child.stderr);
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, out: child.stdout };
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = { off: [], auto: [] };
let reference;
for (let i = 0; i < rounds; i++) {
  for (const c of i % 2 === 0 ? ['off', 'auto'] : ['auto', 'off']) {
    const { seconds, out } = run(c);
    reference ??= out;
    if (out !== reference) throw new Error(`--concurrency ${c} gave other results`);
    times[c].push(seconds);
  }
}
const off = median(times.off);
const auto = median(times.auto);
console.log(
  `folder lint, ${availableParallelism()} CPUs, ${rounds} rounds: --concurrency off ${off.toFixed(2)} s, auto ${auto.toFixed(2)} s, ratio ${(auto / off).toFixed(2)} (same results)`,
);
