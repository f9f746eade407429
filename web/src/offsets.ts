// The one place where positions change units. The project counts Unicode code points (as REFI-QDA
// does); the browser's strings, selections and DOM offsets count UTF-16 code units, where every
// character beyond U+FFFF (most emoji) takes two. Combining marks are code points of their own in
// both, so they need no conversion, only care not to split them from their base when asked.

export class TextIndex {
  /** UTF-16 offsets at which a surrogate pair (one astral code point) starts, ascending. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astral.length;
  }

  /**
   * The code-point offset of a UTF-16 offset. An offset inside a surrogate pair (which a DOM
   * selection can produce) counts as the start of that character.
   */
  toCodePoint(utf16: number): number {
    const clamped = Math.max(0, Math.min(utf16, this.utf16Length));
    // Each pair starting before `clamped` made one code point of two units. Inside a pair the
    // same count gives the pair's own start, as the pair itself is counted but not complete.
    return clamped - lowerBound(this.astral, clamped);
  }

  /** The UTF-16 offset of a code-point offset. */
  toUtf16(codePoint: number): number {
    const clamped = Math.max(0, Math.min(codePoint, this.codePointLength));
    // Find how many pairs start before the character at `clamped`: the pair at astral[k] is the
    // character with code-point offset astral[k] - k.
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.astral[mid]! - mid < clamped) low = mid + 1;
      else high = mid;
    }
    return clamped + low;
  }
}

/** The number of values in the ascending array that are less than `value`. */
function lowerBound(values: number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
