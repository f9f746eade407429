import { describe, expect, it } from 'vitest';
import { TextIndex } from './offsets';

describe('TextIndex', () => {
  it('is the identity on text without astral characters', () => {
    const index = new TextIndex('caf\u00e9 au lait');
    expect(index.toCodePoint(5)).toBe(5);
    expect(index.toUtf16(5)).toBe(5);
    expect(index.codePointLength).toBe(12);
  });

  it('counts an emoji as one code point and two UTF-16 units', () => {
    // "😀😀 need" : the word starts at UTF-16 offset 5, code point 3.
    const text = '\u{1F600}\u{1F600} need';
    const index = new TextIndex(text);
    expect(text.indexOf('need')).toBe(5);
    expect(index.toCodePoint(5)).toBe(3);
    expect(index.toUtf16(3)).toBe(5);
    expect(index.toCodePoint(text.length)).toBe(7);
    expect(index.codePointLength).toBe(7);
    expect([...text].length).toBe(7);
  });

  it('keeps combining marks as code points of their own', () => {
    // "e" + COMBINING ACUTE ACCENT, then a space: 3 units, 3 code points.
    const text = 'e\u0301 \u{1F469}\u200D\u2695\uFE0F ok';
    const index = new TextIndex(text);
    const at = text.indexOf('ok');
    expect(index.toCodePoint(at)).toBe([...text.slice(0, at)].length);
    expect(index.toUtf16([...text.slice(0, at)].length)).toBe(at);
  });

  it('maps an offset inside a surrogate pair to the start of its character', () => {
    const index = new TextIndex('a\u{1F600}b');
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(3)).toBe(2);
    expect(index.toUtf16(2)).toBe(3);
  });

  it('round-trips every code point offset of a mixed text', () => {
    const text =
      'Nurse \u{1F3E5} said: \u{1F622}\u{1F622} e\u0301 \u{1F469}\u{1F3FD}\u200D\u2695\uFE0F end';
    const index = new TextIndex(text);
    const points = [...text];
    let units = 0;
    for (let cp = 0; cp <= points.length; cp++) {
      expect(index.toUtf16(cp)).toBe(units);
      expect(index.toCodePoint(units)).toBe(cp);
      units += points[cp]?.length ?? 0;
    }
  });

  it('clamps offsets outside the text', () => {
    const index = new TextIndex('ab\u{1F600}');
    expect(index.toCodePoint(-4)).toBe(0);
    expect(index.toCodePoint(99)).toBe(3);
    expect(index.toUtf16(99)).toBe(4);
  });

  it('leaves a lone surrogate as one unit and one code point', () => {
    const index = new TextIndex('a\uD83Db');
    expect(index.codePointLength).toBe(3);
    expect(index.toUtf16(2)).toBe(2);
  });
});
