// A running log of about `bytes` bytes, built from the bundled example notes: one dated "##"
// section per meeting (newest last), each note's body with its headings moved one level down.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const examples = fileURLToPath(new URL('../examples/', import.meta.url));

function bodies() {
  return readdirSync(examples)
    .filter((name) => /^(good|bad)-.*\.md$/.test(name) && !name.includes('broken'))
    .sort()
    .map((name) =>
      readFileSync(examples + name, 'utf8')
        .replace(/^---\n[\s\S]*?\n---\n/, '')
        .replace(/^(#{1,5}) /gm, '$1# ')
        .replace(/^## /gm, '### ')
        .trim(),
    );
}

export function runningLog(bytes) {
  const parts = bodies();
  let day = Date.UTC(2024, 0, 8);
  let text = '---\naccount: Globex\nseller: [Dana Seller]\n---\n\n# Globex — running log\n\n';
  for (let i = 0; Buffer.byteLength(text) < bytes; i++) {
    const date = new Date(day).toISOString().slice(0, 10);
    text += `## ${date} call\n\n${parts[i % parts.length]}\n\n`;
    day += 7 * 86_400_000;
  }
  return text;
}
