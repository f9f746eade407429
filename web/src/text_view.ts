// The reading surface: a document's text with its codings as coloured highlights and as stripes
// with code names in a margin. Rendered as HTML strings per block (a 300,000-character transcript
// is a few thousand blocks), and on change only the blocks whose codings changed are redrawn.
// Selections are read back as UTF-16 offsets into the text (offsets.ts converts them).

import {
  assignLanes,
  blocksOf,
  blocksTouching,
  byStart,
  keepLanes,
  innermost,
  marksByBlock,
  marksInBlock,
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

// Codes' colours and the margin's lanes are classes of one style sheet rather than an inline
// style on each element: a long transcript has tens of thousands of highlighted pieces, stripes
// and labels, and the browser parses an inline style for each one while it builds the page.
const colourClasses = new Map<string, string>();
let styleSheet: HTMLStyleElement | null = null;

function rules(): HTMLStyleElement {
  if (!styleSheet) {
    styleSheet = document.createElement('style');
    const lanes = Array.from(
      { length: kMaxLanes },
      (_, lane) => `.stripe.l${lane}{left:${lane * kLaneWidth}px}`,
    );
    styleSheet.textContent = lanes.join('\n');
    document.head.append(styleSheet);
  }
  return styleSheet;
}

/** The class that sets `--c` to a code's colour (a CSS hex colour; anything else shows grey). */
function colourClass(colour: string): string {
  let name = colourClasses.get(colour);
  if (!name) {
    name = `k${colourClasses.size}`;
    colourClasses.set(colour, name);
    const value = /^#[0-9a-fA-F]{3,8}$/.test(colour) ? colour : '#999999';
    rules().append(`\n.${name}{--c:${value}}`);
  }
  return name;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

// A drawn coding: what its turn's HTML was built from.
interface Drawn extends Mark {
  lane: number;
}

// More changed codings than this at once (switching to blind coding, undoing a bulk change) and
// the lanes are laid out afresh, compactly, instead of keeping every stripe where it was.
const kRelayoutAbove = 500;

export class TextView {
  private text = '';
  private blocks: Block[] = [];
  private turns: TurnHeading[] = [];
  private turnsKey = '';
  private drawn = new Map<number, Drawn>();
  private selected: number | null = null;
  private fresh = true; // nothing of the current text drawn yet
  private metrics = { charsPerLine: 90, lineHeight: 27 };

  constructor(private readonly root: HTMLElement) {
    rules();
    // A stripe's code is named on hover; a title on every stripe would be parsed for each.
    root.addEventListener('mouseover', (event) => {
      const stripe = event.target;
      if (stripe instanceof HTMLElement && stripe.matches('.stripe:not([title])')) {
        stripe.title = this.drawn.get(Number(stripe.dataset.c))?.label ?? '';
      }
    });
  }

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
    this.drawn.clear();
    this.fresh = true;
    this.root.innerHTML = '';
    this.measure();
  }

  // Turns are laid out and painted by the browser only near the viewport (`content-visibility:
  // auto`); until then each takes the height estimated here from its length, so the scroll bar is
  // about right. Once drawn, a turn keeps its real height (`contain-intrinsic-size: auto`).
  private measure(): void {
    const style = getComputedStyle(this.root);
    const fontSize = parseFloat(style.fontSize) || 16;
    const context = document.createElement('canvas').getContext('2d');
    let charWidth = fontSize * 0.5;
    if (context) {
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const sample = 'the patient felt rushed and the tutor listened kindly ';
      charWidth = context.measureText(sample).width / sample.length || charWidth;
    }
    // The text column: the view's width less the margin lanes, the labels column and the gaps.
    const width = Math.max(200, this.root.clientWidth - 24 - kLaneWidth * 4 - 150 - 16);
    this.metrics = {
      charsPerLine: Math.max(20, Math.floor(width / charWidth)),
      lineHeight: fontSize * 1.7,
    };
  }

  private intrinsicSize(block: Block, labels: number): string {
    return `auto ${this.estimatedHeight(block, labels)}px`;
  }

  private estimatedHeight(block: Block, labels: number): number {
    let lines = 0;
    for (const line of this.text.slice(block.start, block.end).split('\n')) {
      lines += Math.max(1, Math.ceil(line.length / this.metrics.charsPerLine));
    }
    const text = lines * this.metrics.lineHeight;
    const heading = block.turn === null ? 0 : this.metrics.lineHeight;
    return Math.round(Math.max(text, labels * 20) + heading + 4);
  }

  /**
   * Draws the codings (UTF-16 offsets); `selected` is outlined. Only the turns that a changed,
   * added or removed coding (or the selection) touches are redrawn, and codings already drawn
   * keep their lanes, so applying a code does not move the stripes around it. The work is in
   * proportion to what changed (beyond one look at each coding): this runs on every apply.
   */
  setMarks(marks: Mark[], selected: number | null): void {
    const touched: { start: number; end: number }[] = [];
    const moved: Mark[] = []; // added, or drawn elsewhere before
    const restyled: Mark[] = [];
    let kept = 0;
    for (const m of marks) {
      const old = this.drawn.get(m.id);
      if (!old) {
        moved.push(m);
        touched.push(m);
        continue;
      }
      kept++;
      if (old.start !== m.start || old.end !== m.end) {
        moved.push(m);
        touched.push(old, m);
      } else if (old.colour !== m.colour || old.label !== m.label) {
        restyled.push(m);
        touched.push(m);
      }
    }
    const removed: number[] = [];
    if (kept < this.drawn.size) {
      const ids = new Set(marks.map((m) => m.id));
      for (const [id, old] of this.drawn) {
        if (ids.has(id)) continue;
        removed.push(id);
        touched.push(old);
      }
    }
    if (this.fresh || touched.length > kRelayoutAbove) {
      this.drawAll(marks, selected);
      return;
    }

    for (const id of removed) this.drawn.delete(id);
    for (const m of moved) this.drawn.delete(m.id);
    for (const m of restyled) this.drawn.set(m.id, { ...m, lane: this.drawn.get(m.id)!.lane });
    const lanes = keepLanes(moved, this.drawn.values());
    for (const m of moved) this.drawn.set(m.id, { ...m, lane: lanes.get(m.id)! });
    let count = 0;
    for (const d of this.drawn.values()) count = Math.max(count, d.lane + 1);
    this.setMarginWidth(count);

    if (selected !== this.selected) {
      for (const id of [this.selected, selected]) {
        const d = id === null ? undefined : this.drawn.get(id);
        if (d) touched.push(d);
      }
      this.selected = selected;
    }
    const dirty = new Set<number>();
    for (const range of touched) {
      for (const i of blocksTouching(this.blocks, range.start, range.end)) dirty.add(i);
    }
    for (const i of dirty) {
      const element = this.root.children[i];
      if (element instanceof HTMLElement) this.redraw(element, this.blocks[i]!);
    }
  }

  // A turn's contents drawn again in the element it has: a new element would start with its
  // content-visibility undetermined, which costs the browser a second pass in the next frame.
  private redraw(element: HTMLElement, block: Block): void {
    const { html, labels } = this.blockContent(block, marksInBlock(block, this.drawn.values()));
    element.innerHTML = html;
    const size = this.intrinsicSize(block, labels);
    if (element.style.containIntrinsicSize !== size) element.style.containIntrinsicSize = size;
  }

  // The whole text drawn afresh, lanes laid out compactly (a new text, or a large change).
  private drawAll(marks: Mark[], selected: number | null): void {
    const sorted = [...marks].sort(byStart);
    const { lanes, count } = assignLanes(sorted);
    const drawn = sorted.map((m) => ({ ...m, lane: lanes.get(m.id)! }));
    this.drawn = new Map(drawn.map((d) => [d.id, d]));
    this.setMarginWidth(count);
    this.fresh = false;
    this.selected = selected;
    const byBlock = marksByBlock(this.blocks, drawn);
    this.root.innerHTML = this.blocks
      .map((block, i) => this.blockHtml(i, block, byBlock[i]!))
      .join('');
  }

  private setMarginWidth(lanes: number): void {
    // Only when it changes: setting it restyles every turn.
    const margin = `${Math.min(lanes, kMaxLanes) * kLaneWidth + 4}px`;
    if (this.root.style.getPropertyValue('--margin-width') !== margin) {
      this.root.style.setProperty('--margin-width', margin);
    }
  }

  /**
   * A provisional coding (drawn under a negative id before the server answered) is now stored as
   * `id`: its drawing is kept and renamed, not redrawn, so a selection the reader has begun in its
   * turn meanwhile survives. Nothing happens if it was not drawn.
   */
  confirm(provisional: number, id: number): void {
    const drawn = this.drawn.get(provisional);
    if (!drawn) return;
    this.drawn.delete(provisional);
    this.drawn.set(id, { ...drawn, id });
    if (this.selected === provisional) this.selected = id;
    for (const element of this.root.querySelectorAll<HTMLElement>(`[data-c="${provisional}"]`)) {
      element.dataset.c = String(id);
      element.classList.remove('provisional');
      element.removeAttribute('aria-busy');
    }
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

  private blockHtml(index: number, block: Block, marks: Drawn[]): string {
    const { html, labels } = this.blockContent(block, marks);
    const size = this.intrinsicSize(block, labels);
    return `<div class="block" data-b="${index}" style="contain-intrinsic-size:${size}">${html}</div>`;
  }

  // A turn's heading, margin stripes, text pieces and labels, and how many labels it has.
  private blockContent(block: Block, marks: Drawn[]): { html: string; labels: number } {
    const selected = this.selected;
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
        const classes = ['coded', colourClass(top.colour)];
        if (p.marks.length > 1) classes.push('overlap');
        if (p.marks.some((m) => m.id === selected)) classes.push('selected');
        return `<span data-o="${p.start}" data-c="${top.id}" class="${classes.join(' ')}">${chunk}</span>`;
      })
      .join('');
    const stripes = marks
      .filter((m) => m.lane < kMaxLanes)
      .map((m) => {
        const lane = m.lane;
        // The stripe spans the part of the turn the coding covers, in proportion to the text, so
        // that codings one after another in a turn can share a lane without overlapping.
        const length = Math.max(1, block.end - block.start);
        const top = m.start > block.start ? ((m.start - block.start) / length) * 100 : 0;
        const bottom = m.end < block.end ? ((block.end - m.end) / length) * 100 : 0;
        const first = m.start >= block.start;
        const cls = `stripe l${lane} ${colourClass(m.colour)}${first ? ' first' : ''}${m.id === selected ? ' selected' : ''}`;
        const place = [
          top > 0 ? `top:${top.toFixed(1)}%` : '',
          bottom > 0 ? `bottom:${bottom.toFixed(1)}%` : '',
        ]
          .filter(Boolean)
          .join(';');
        return `<i class="${cls}" data-c="${m.id}"${place ? ` style="${place}"` : ''}></i>`;
      })
      .join('');
    const starting = marks.filter((m) => m.start >= block.start);
    const labels = starting
      .map((m) => {
        // A provisional coding (negative id) is one the server has not confirmed yet.
        const provisional = m.id < 0;
        const cls = `stripe-label ${colourClass(m.colour)}${m.id === selected ? ' selected' : ''}${provisional ? ' provisional' : ''}`;
        const busy = provisional ? ' aria-busy="true"' : '';
        return `<button class="${cls}"${busy} data-c="${m.id}">${escapeHtml(m.label)}</button>`;
      })
      .join('');
    return {
      html: `${heading}<div class="row"><div class="margin">${stripes}</div><div class="text">${pieces}</div><div class="labels">${labels}</div></div>`,
      labels: starting.length,
    };
  }
}
