// The reading surface: a document's text with its codings as coloured highlights and as stripes
// with code names in a margin. Rendered as HTML strings per block (a 300,000-character transcript
// is a few thousand blocks), and on change only the blocks whose codings changed are redrawn.
// Selections are read back as UTF-16 offsets into the text (offsets.ts converts them).

import {
  assignLanes,
  blocksOf,
  innermost,
  marksByBlock,
  piecesOf,
  type Block,
  type Mark,
} from './layout';

export interface TurnHeading {
  start: number; // UTF-16
  end: number;
  speaker: string;
  time: string; // "mm:ss" or ""
  tag: string; // the speaker's group, or ""
}

const kLaneWidth = 7;
const kMaxLanes = 16;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

export class TextView {
  private text = '';
  private blocks: Block[] = [];
  private turns: TurnHeading[] = [];
  private turnsKey = '';
  private signatures: string[] = [];
  private laneCount = 0;

  constructor(private readonly root: HTMLElement) {}

  /** Shows a new text; `turns` are in UTF-16 units. Marks are set with setMarks. */
  setText(text: string, turns: TurnHeading[]): void {
    // Lists reloaded after a change often bring the same text and headings: keep the page (and
    // the reader's selection and scroll position) as it is.
    const key = JSON.stringify(turns);
    if (text === this.text && key === this.turnsKey) return;
    this.turnsKey = key;
    this.text = text;
    this.turns = turns;
    this.blocks = blocksOf(text, turns);
    this.signatures = [];
    this.root.innerHTML = '';
  }

  /** Draws the codings (UTF-16 offsets); `selected` is outlined. Redraws changed blocks only. */
  setMarks(marks: Mark[], selected: number | null): void {
    const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
    const { lanes, count } = assignLanes(sorted);
    const byBlock = marksByBlock(this.blocks, sorted);
    const laneCount = Math.min(count, kMaxLanes);
    const full = this.signatures.length !== this.blocks.length || laneCount !== this.laneCount;
    this.laneCount = laneCount;
    this.root.style.setProperty('--margin-width', `${laneCount * kLaneWidth + 4}px`);
    const html: string[] = [];
    const changed: number[] = [];
    this.blocks.forEach((block, i) => {
      const blockMarks = byBlock[i]!;
      const signature =
        blockMarks
          .map((m) => `${m.id}:${lanes.get(m.id)}:${m.start}:${m.end}:${m.colour}:${m.label}`)
          .join('|') + (blockMarks.some((m) => m.id === selected) ? `#${selected}` : '');
      if (full || signature !== this.signatures[i]) {
        this.signatures[i] = signature;
        changed.push(i);
        html.push(this.blockHtml(i, block, blockMarks, lanes, selected));
      }
    });
    if (full) {
      this.root.innerHTML = html.join('');
      return;
    }
    changed.forEach((blockIndex, k) => {
      const element = this.root.children[blockIndex];
      if (element) element.outerHTML = html[k]!;
    });
  }

  /** The selection inside the text, as UTF-16 offsets, or null when there is none. */
  selection(): { start: number; end: number } | null {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!this.root.contains(range.commonAncestorContainer)) return null;
    const start = this.offsetOf(range.startContainer, range.startOffset, 'start');
    const end = this.offsetOf(range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }

  /** Scrolls to and briefly flashes the text at [start, end) (UTF-16). */
  reveal(start: number, end: number): void {
    const pieces = this.root.querySelectorAll<HTMLElement>('span[data-o]');
    for (const piece of pieces) {
      const at = Number(piece.dataset.o);
      const length = piece.textContent?.length ?? 0;
      if (at + length > start && at < Math.max(end, start + 1)) {
        piece.scrollIntoView({ block: 'center' });
        piece.classList.add('flash');
        setTimeout(() => piece.classList.remove('flash'), 1600);
        return;
      }
    }
  }

  /** Selects [start, end) (UTF-16) in the page, as if the user had. */
  select(start: number, end: number): void {
    const from = this.domPoint(start);
    const to = this.domPoint(end);
    if (!from || !to) return;
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }

  private domPoint(offset: number): { node: Node; offset: number } | null {
    for (const piece of this.root.querySelectorAll<HTMLElement>('span[data-o]')) {
      const at = Number(piece.dataset.o);
      const text = piece.firstChild;
      const length = text?.textContent?.length ?? 0;
      if (text && offset >= at && offset <= at + length) return { node: text, offset: offset - at };
    }
    return null;
  }

  // A DOM position (text node or element, and an offset in it) as a UTF-16 offset into the text.
  // Positions outside text pieces (a turn's heading, the margin) snap to the nearest piece.
  private offsetOf(node: Node, offset: number, side: 'start' | 'end'): number | null {
    const piece = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    if (piece instanceof HTMLElement && piece.dataset.o !== undefined) {
      const at = Number(piece.dataset.o);
      if (node.nodeType === Node.TEXT_NODE) return at + offset;
      return offset === 0 ? at : at + (piece.textContent?.length ?? 0);
    }
    // An element boundary: the first piece after it (start) or the last piece before it (end).
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    if (!element) return null;
    const pieces = [...this.root.querySelectorAll<HTMLElement>('span[data-o]')];
    const boundary = document.createRange();
    boundary.setStart(node, offset);
    if (side === 'start') {
      const after = pieces.find((p) => boundary.comparePoint(p, 0) >= 0);
      return after ? Number(after.dataset.o) : null;
    }
    const before = [...pieces].reverse().find((p) => boundary.comparePoint(p, 0) <= 0);
    return before ? Number(before.dataset.o) + (before.textContent?.length ?? 0) : null;
  }

  private blockHtml(
    index: number,
    block: Block,
    marks: Mark[],
    lanes: Map<number, number>,
    selected: number | null,
  ): string {
    let heading = '';
    if (block.turn !== null) {
      const t = this.turns[block.turn];
      if (t) {
        const parts = [`<b>${escapeHtml(t.speaker)}</b>`];
        if (t.time) parts.push(`<time>${t.time}</time>`);
        if (t.tag) parts.push(`<span class="tag">${escapeHtml(t.tag)}</span>`);
        heading = `<div class="turn-head">${parts.join(' ')}</div>`;
      }
    }
    const pieces = piecesOf(block, marks)
      .map((p) => {
        const top = innermost(p.marks);
        const chunk = escapeHtml(this.text.slice(p.start, p.end));
        if (!top) return `<span data-o="${p.start}">${chunk}</span>`;
        const classes = ['coded'];
        if (p.marks.length > 1) classes.push('overlap');
        if (p.marks.some((m) => m.id === selected)) classes.push('selected');
        return `<span data-o="${p.start}" data-c="${top.id}" class="${classes.join(' ')}" style="--c:${top.colour}">${chunk}</span>`;
      })
      .join('');
    const stripes = marks
      .filter((m) => (lanes.get(m.id) ?? 0) < kMaxLanes)
      .map((m) => {
        const lane = lanes.get(m.id) ?? 0;
        const first = m.start >= block.start;
        const last = m.end <= block.end;
        const cls = `stripe${first ? ' first' : ''}${last ? ' last' : ''}${m.id === selected ? ' selected' : ''}`;
        return `<i class="${cls}" data-c="${m.id}" style="left:${lane * kLaneWidth}px;background:${m.colour}" title="${escapeHtml(m.label)}"></i>`;
      })
      .join('');
    const labels = marks
      .filter((m) => m.start >= block.start)
      .map(
        (m) =>
          `<button class="stripe-label${m.id === selected ? ' selected' : ''}" data-c="${m.id}" style="--c:${m.colour}">${escapeHtml(m.label)}</button>`,
      )
      .join('');
    return `<div class="block" data-b="${index}">${heading}<div class="row"><div class="margin">${stripes}</div><div class="text">${pieces}</div><div class="labels">${labels}</div></div></div>`;
  }
}
