// Layout of a document's text and codings, without the DOM: the text is cut into blocks (turns
// or paragraphs), each block into pieces between coding boundaries, and every coding gets a lane
// in the margin so that overlapping codings sit side by side as stripes. All offsets here are
// UTF-16 units into the JavaScript string (offsets.ts converts from the project's code points).

export interface Mark {
  id: number;
  start: number;
  end: number;
  colour: string;
  label: string;
}

export interface Block {
  start: number;
  end: number;
  turn: number | null; // index into the document's turns, or null for plain text
}

export interface Piece {
  start: number;
  end: number;
  marks: Mark[]; // the codings covering the piece, by start
}

/** The order codings are laid out in: by start, the longer of two with one start first. */
export function byStart(a: Mark, b: Mark): number {
  return a.start - b.start || b.end - a.end || a.id - b.id;
}

/**
 * Blocks for reading: one per transcript turn (and one for any text between turns that is not
 * blank), or, without turns, one per non-empty line. Blocks never include the line breaks that
 * separate them, and together they cover every non-blank character once.
 */
export function blocksOf(text: string, turns: { start: number; end: number }[]): Block[] {
  const blocks: Block[] = [];
  if (turns.length > 0) {
    let reached = 0;
    turns.forEach((t, i) => {
      if (t.start > reached) blocks.push(...linesOf(text, reached, t.start));
      blocks.push({ start: t.start, end: t.end, turn: i });
      reached = Math.max(reached, t.end);
    });
    if (reached < text.length) blocks.push(...linesOf(text, reached, text.length));
    return blocks;
  }
  return linesOf(text, 0, text.length);
}

function linesOf(text: string, from: number, to: number): Block[] {
  const out: Block[] = [];
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    if (text.slice(start, end).trim() !== '') out.push({ start, end, turn: null });
    start = end + 1;
  }
  return out;
}

/**
 * Lanes for the margin: each coding gets the lowest lane free at its start (codings sorted by
 * start, longer first), so overlapping codings never share a lane. Returns the lane of each
 * coding's id and the number of lanes.
 */
export function assignLanes(marks: Mark[]): { lanes: Map<number, number>; count: number } {
  const sorted = [...marks].sort(byStart);
  const laneEnds: number[] = [];
  const lanes = new Map<number, number>();
  for (const m of sorted) {
    let lane = laneEnds.findIndex((end) => end <= m.start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(m.end);
    } else {
      laneEnds[lane] = m.end;
    }
    lanes.set(m.id, lane);
  }
  return { lanes, count: laneEnds.length };
}

/** A coding's place in the margin. */
export interface Placed {
  start: number;
  end: number;
  lane: number;
}

/**
 * Lanes for codings added or moved, leaving every other drawn coding in its lane (so stripes do not
 * jump while the user codes): in order of start, each gets the lowest lane that no overlapping
 * coding holds. `kept` are the codings that stay where they are (removed and moved ones left out).
 */
export function keepLanes(fresh: Mark[], kept: Iterable<Placed>): Map<number, number> {
  const placed = [...kept];
  const lanes = new Map<number, number>();
  const sorted = [...fresh].sort(byStart);
  for (const m of sorted) {
    const taken = new Set<number>();
    for (const p of placed) if (p.start < m.end && m.start < p.end) taken.add(p.lane);
    let lane = 0;
    while (taken.has(lane)) lane++;
    lanes.set(m.id, lane);
    placed.push({ start: m.start, end: m.end, lane });
  }
  return lanes;
}

/**
 * The indices of the blocks a range touches, ends included (so an empty coding at a block's edge
 * counts for both blocks it sits between). `blocks` are in text order and do not overlap.
 */
export function blocksTouching(blocks: Block[], start: number, end: number): number[] {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (blocks[mid]!.end < start) low = mid + 1;
    else high = mid;
  }
  const out: number[] = [];
  for (let i = low; i < blocks.length && blocks[i]!.start <= end; i++) out.push(i);
  return out;
}

/**
 * Whether a coding is drawn in a block: it shares at least one unit with it, or, empty, sits
 * inside it (at its start included, at its end not).
 */
export function inBlock(m: { start: number; end: number }, b: Block): boolean {
  return m.start < b.end && (m.end > b.start || (m.start === m.end && m.start >= b.start));
}

/** The codings drawn in one block (see inBlock), by start, longer first. */
export function marksInBlock<T extends Mark>(block: Block, marks: Iterable<T>): T[] {
  const inside: T[] = [];
  for (const m of marks) if (inBlock(m, block)) inside.push(m);
  return inside.sort(byStart);
}

/**
 * For each block, the codings drawn in it (see inBlock), in one pass over them all. `marks` must
 * be sorted by start.
 */
export function marksByBlock<T extends Mark>(blocks: Block[], marks: T[]): T[][] {
  const out: T[][] = blocks.map(() => []);
  let next = 0;
  let active: T[] = [];
  blocks.forEach((b, i) => {
    while (next < marks.length && marks[next]!.start < b.end) active.push(marks[next++]!);
    active = active.filter((m) => m.end > b.start || (m.start === m.end && m.start >= b.start));
    out[i] = active.filter((m) => m.start < b.end || (m.start === m.end && m.start <= b.end));
  });
  return out;
}

/** The block's text cut at every coding boundary inside it, each piece with its covering marks. */
export function piecesOf(block: Block, marks: Mark[]): Piece[] {
  const cuts = new Set<number>([block.start, block.end]);
  for (const m of marks) {
    if (m.start > block.start && m.start < block.end) cuts.add(m.start);
    if (m.end > block.start && m.end < block.end) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    pieces.push({ start, end, marks: marks.filter((m) => m.start < end && m.end > start) });
  }
  return pieces;
}

/** The mark whose colour a piece shows: the shortest (innermost) one covering it. */
export function innermost(marks: Mark[]): Mark | undefined {
  let best: Mark | undefined;
  for (const m of marks) {
    if (!best || m.end - m.start < best.end - best.start) best = m;
  }
  return best;
}
