import type { Node } from 'mdast';

type Point = { line: number; column: number; offset?: number };
type Positioned = Node & { children?: Positioned[] };

function shiftPoint(p: Point, offset: number, lines: number): Point {
  return { line: p.line + lines, column: p.column, offset: (p.offset ?? 0) + offset };
}

/** Moves a section's node (and its children) to where the section stands in the note. */
export function shiftInPlace<T extends Node>(node: T, offset: number, lines: number): T {
  const n = node as Positioned;
  if (n.position) n.position = { start: shiftPoint(n.position.start, offset, lines), end: shiftPoint(n.position.end, offset, lines) };
  if (n.children) for (const c of n.children) shiftInPlace(c, offset, lines);
  return node;
}

/** A copy of a cached section's node, moved to where the section stands now; the cached tree stays as it was. */
export function shiftedCopy<T extends Node>(node: T, offset: number, lines: number): T {
  const copy: Record<string, unknown> = { ...(node as object) };
  const n = node as Positioned;
  if (n.position) copy.position = { start: shiftPoint(n.position.start, offset, lines), end: shiftPoint(n.position.end, offset, lines) };
  if (n.children) copy.children = n.children.map((c) => shiftedCopy(c, offset, lines));
  return copy as T;
}
