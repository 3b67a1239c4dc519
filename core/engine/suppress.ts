import type { Directive, Note } from '../model/types.js';
import { positionAt } from '../text/lines.js';

/** For one rule: the lines its line directives turn off, and where its disable/enable toggles fall, in order. */
interface RuleSuppressions {
  lines: Set<number>;
  toggles: number[];
  offAfter: boolean[];
}

const prepared = new WeakMap<Note, Map<string, RuleSuppressions>>();

/**
 * Whether inline comments or front matter turn a rule off at an offset (docs/design.md, "Configuration"). Each rule's
 * directives are read once per note, so that a note with thousands of them stays linear.
 */
export function suppressed(note: Note, ruleId: string, offset: number, line: number): boolean {
  if (note.disabledRules === 'all' || note.disabledRules.includes(ruleId)) return true;
  if (note.directives.length === 0) return false;
  let byRule = prepared.get(note);
  if (!byRule) prepared.set(note, (byRule = new Map()));
  let rule = byRule.get(ruleId);
  if (!rule)
    byRule.set(
      ruleId,
      (rule = prepare(
        note,
        note.directives.filter((d) => !d.rules.length || d.rules.includes(ruleId)),
      )),
    );
  if (rule.lines.has(line)) return true;
  // The last toggle at or before the offset decides.
  let lo = 0;
  let hi = rule.toggles.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rule.toggles[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && rule.offAfter[lo - 1];
}

function prepare(note: Note, directives: readonly Directive[]): RuleSuppressions {
  const out: RuleSuppressions = { lines: new Set(), toggles: [], offAfter: [] };
  for (const d of directives) {
    if (d.kind === 'disable-line') out.lines.add(positionAt(note.lineStarts, note.text, d.start).line);
    else if (d.kind === 'disable-next-line') out.lines.add(positionAt(note.lineStarts, note.text, d.end).line + 1);
    else {
      out.toggles.push(d.start);
      out.offAfter.push(d.kind === 'disable');
    }
  }
  return out;
}
