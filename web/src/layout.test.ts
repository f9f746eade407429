import { describe, expect, it } from 'vitest';
import {
  assignLanes,
  blocksOf,
  blocksTouching,
  byStart,
  innermost,
  keepLanes,
  marksByBlock,
  marksInBlock,
  piecesOf,
  type Mark,
} from './layout';

const mark = (id: number, start: number, end: number): Mark => ({
  id,
  start,
  end,
  colour: '#000000',
  label: `code ${id}`,
});

describe('blocksOf', () => {
  it('cuts plain text into its non-empty lines, without the line breaks', () => {
    const text = 'First line\n\nSecond line\n';
    expect(blocksOf(text, [])).toEqual([
      { start: 0, end: 10, turn: null },
      { start: 12, end: 23, turn: null },
    ]);
  });

  it('makes one block per turn and keeps text between turns that is not blank', () => {
    const text = 'Title\nA: hello\nB: hi there\n';
    const turns = [
      { start: 6, end: 14 },
      { start: 15, end: 26 },
    ];
    expect(blocksOf(text, turns)).toEqual([
      { start: 0, end: 5, turn: null },
      { start: 6, end: 14, turn: 0 },
      { start: 15, end: 26, turn: 1 },
    ]);
  });
});

describe('assignLanes', () => {
  it('puts overlapping codings in different lanes and reuses a lane once it is free', () => {
    const { lanes, count } = assignLanes([mark(1, 0, 10), mark(2, 5, 15), mark(3, 12, 20)]);
    expect(lanes.get(1)).toBe(0);
    expect(lanes.get(2)).toBe(1);
    expect(lanes.get(3)).toBe(0);
    expect(count).toBe(2);
  });

  it('gives the longer of two codings with one start the first lane', () => {
    const { lanes } = assignLanes([mark(1, 0, 5), mark(2, 0, 50), mark(3, 1, 3)]);
    expect([lanes.get(2), lanes.get(1), lanes.get(3)]).toEqual([0, 1, 2]);
  });

  it('stacks n nested codings in n lanes', () => {
    const marks = Array.from({ length: 6 }, (_, i) => mark(i, i, 100 - i));
    expect(assignLanes(marks).count).toBe(6);
  });
});

describe('marksByBlock and piecesOf', () => {
  it('lists a coding in every block it spans and cuts pieces at its boundaries', () => {
    const blocks = [
      { start: 0, end: 10, turn: null },
      { start: 11, end: 20, turn: null },
    ];
    const a = mark(1, 4, 15);
    const b = mark(2, 6, 8);
    const byBlock = marksByBlock(blocks, [a, b]);
    expect(byBlock[0]!.map((m) => m.id)).toEqual([1, 2]);
    expect(byBlock[1]!.map((m) => m.id)).toEqual([1]);
    const pieces = piecesOf(blocks[0]!, byBlock[0]!);
    expect(pieces.map((p) => [p.start, p.end, p.marks.map((m) => m.id)])).toEqual([
      [0, 4, []],
      [4, 6, [1]],
      [6, 8, [1, 2]],
      [8, 10, [1]],
    ]);
    expect(innermost(pieces[2]!.marks)!.id).toBe(2);
  });

  it('does not list a coding in a block it only touches', () => {
    const blocks = [
      { start: 0, end: 5, turn: null },
      { start: 6, end: 9, turn: null },
    ];
    const byBlock = marksByBlock(blocks, [mark(1, 0, 5)]);
    expect(byBlock[1]).toEqual([]);
  });
});

describe('keepLanes', () => {
  it('gives a new coding the lowest lane free over its range, leaving the others where they are', () => {
    // Greedy placement would move 3 to lane 1 once 4 (starting at 1) is added; keepLanes leaves it.
    const kept = [
      { start: 0, end: 10, lane: 0 },
      { start: 2, end: 8, lane: 1 },
      { start: 12, end: 20, lane: 0 },
    ];
    expect([...keepLanes([mark(4, 1, 14)], kept)]).toEqual([[4, 2]]);
  });

  it('places moved codings in order of start, each seeing the ones placed before it', () => {
    // 1 was removed (its lane 0 is free again); 2 moved to 20..30 and 5 was added at 25..40.
    const kept = [{ start: 22, end: 24, lane: 1 }];
    const lanes = keepLanes([mark(5, 25, 40), mark(2, 20, 30)], kept);
    expect([lanes.get(2), lanes.get(5)]).toEqual([0, 1]);
  });
});

describe('marksInBlock', () => {
  it('finds in any order what marksByBlock finds in one pass, empty codings included', () => {
    const blocks = [
      { start: 0, end: 5, turn: 0 },
      { start: 6, end: 14, turn: 1 },
      { start: 15, end: 26, turn: 2 },
    ];
    const marks = [
      mark(1, 0, 5),
      mark(2, 0, 30),
      mark(3, 4, 7),
      mark(4, 6, 6),
      mark(5, 14, 14),
      mark(6, 14, 15),
      mark(7, 15, 15),
      mark(8, 20, 26),
      mark(9, 6, 14),
    ];
    const sorted = [...marks].sort(byStart);
    const byBlock = marksByBlock(blocks, sorted);
    const ids = (list: Mark[]) => list.map((m) => m.id);
    expect(byBlock.map(ids)).toEqual([
      [2, 1, 3],
      [2, 3, 9, 4],
      [2, 7, 8],
    ]);
    blocks.forEach((block, i) => {
      expect(ids(marksInBlock(block, marks))).toEqual(ids(byBlock[i]!));
    });
  });
});

describe('blocksTouching', () => {
  const blocks = [
    { start: 0, end: 5, turn: 0 },
    { start: 6, end: 14, turn: 1 },
    { start: 15, end: 26, turn: 2 },
  ];
  it('finds the blocks a range overlaps, with both ends included', () => {
    expect(blocksTouching(blocks, 7, 9)).toEqual([1]);
    expect(blocksTouching(blocks, 3, 16)).toEqual([0, 1, 2]);
    expect(blocksTouching(blocks, 14, 14)).toEqual([1]);
    expect(blocksTouching(blocks, 5, 6)).toEqual([0, 1]);
    expect(blocksTouching(blocks, 27, 30)).toEqual([]);
  });
});
