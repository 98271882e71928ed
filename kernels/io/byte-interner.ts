// Interns CSV string cells straight from the file bytes, while the rows are scanned: an
// open-addressing hash table keyed by the cell's bytes (hashed by the scanner as it walks the
// field), so a repeated value costs a probe and a byte compare, and each row stores a 4-byte
// code. Distinct values are copied into a compact arena (comparisons stay in cache instead of
// reaching back into a 100 MB file) and decoded to strings once, at the end, when the file's
// encoding is known. Building a string per cell and looking it up in a Map was 10× slower.
import { isMissingText } from '../table/missing';
import type { StringStats } from '../table/string-stats';
import type { BytesDecoder } from './decode-text';

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of bytes[start, end): the scanner computes the same hash inline. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], FNV_PRIME);
  return h;
}

export class ByteInterner {
  /** Per row: entry index, or -1 for an empty cell. Grown with the scanner's row capacity. */
  codes: Int32Array;
  private mask = 1023;
  /** Slot → entry index + 1 (0 = empty). */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Distinct byte sequences, back to back. */
  arena = new Uint8Array(4096);
  private arenaEnd = 0;
  /** Per entry (distinct byte sequence): its place in the arena, and whether it is a raw quoted field. */
  private starts = new Uint32Array(256);
  private lengths = new Uint32Array(256);
  private raw = new Uint8Array(256);
  private entries = 0;

  constructor(private readonly bytes: Uint8Array, capacity: number) {
    this.codes = new Int32Array(capacity);
  }

  grow(capacity: number): void {
    const codes = new Int32Array(capacity);
    codes.set(this.codes);
    this.codes = codes;
  }

  addMissing(row: number): void {
    this.codes[row] = -1;
  }

  /**
   * Row `row` holds bytes[start, end) (non-empty) hashing to `h`; `raw` marks a quoted field
   * kept with its quotes because it needs unquoting ("" escapes).
   */
  add(row: number, start: number, end: number, h: number, raw = false): void {
    const bytes = this.bytes;
    const length = end - start;
    const mask = this.mask;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) break;
      if (this.hashes[slot] === h && this.lengths[entry] === length) {
        const arena = this.arena;
        const s = this.starts[entry];
        let k = 0;
        while (k < length && arena[s + k] === bytes[start + k]) k++;
        if (k === length) {
          this.codes[row] = entry;
          return;
        }
      }
      slot = (slot + 1) & mask;
    }
    const entry = this.entries++;
    if (entry >= this.starts.length) this.growEntries();
    if (this.arenaEnd + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaEnd + length));
      arena.set(this.arena.subarray(0, this.arenaEnd));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaEnd);
    this.starts[entry] = this.arenaEnd;
    this.arenaEnd += length;
    this.lengths[entry] = length;
    if (raw) this.raw[entry] = 1;
    this.slots[slot] = entry + 1;
    this.hashes[slot] = h;
    this.codes[row] = entry;
    if (this.entries * 2 > mask) this.rehash();
  }

  /** The arena bytes in use (every distinct value once), for choosing the file's encoding. */
  distinctBytes(): Uint8Array {
    return this.arena.subarray(0, this.arenaEnd);
  }

  /** Decodes the distinct values and builds the column's StringStats for its first `rows` rows. */
  finish(rows: number, decoder: BytesDecoder, unquote: (raw: string) => string): StringStats {
    const entryCount = this.entries;
    // Entry → unique code (-1: a missing token such as "NA").
    const entryCode = new Int32Array(entryCount);
    const uniques: string[] = [];
    // Different bytes decode to different text, except raw (quoted) spellings of a plain value
    // and bytes replaced by U+FFFD in a lossy decode: only then are texts compared.
    const compare = decoder.lossy || this.raw.subarray(0, entryCount).includes(1);
    const byText = compare ? new Map<string, number>() : undefined;
    for (let entry = 0; entry < entryCount; entry++) {
      const start = this.starts[entry];
      let text = decoder.decode(this.arena, start, start + this.lengths[entry]);
      if (this.raw[entry]) text = unquote(text);
      if (text.length === 0 || isMissingText(text)) { entryCode[entry] = -1; continue; }
      if (byText) {
        const seen = byText.get(text);
        if (seen !== undefined) { entryCode[entry] = seen; continue; }
        byText.set(text, uniques.length);
      }
      entryCode[entry] = uniques.length;
      uniques.push(text);
    }
    const codes = rows === this.codes.length ? this.codes : this.codes.slice(0, rows);
    this.codes = new Int32Array(0);
    this.arena = new Uint8Array(0);
    const counts = new Array<number>(uniques.length).fill(0);
    const values = new Array<string | null>(rows);
    let missing = 0;
    for (let r = 0; r < rows; r++) {
      const entry = codes[r];
      const code = entry < 0 ? -1 : entryCode[entry];
      codes[r] = code;
      if (code < 0) {
        values[r] = null;
        missing++;
      } else {
        values[r] = uniques[code];
        counts[code]++;
      }
    }
    return { values, codes, uniques, counts, missing };
  }

  private growEntries(): void {
    const size = this.starts.length * 2;
    const starts = new Uint32Array(size);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Uint32Array(size);
    lengths.set(this.lengths);
    this.lengths = lengths;
    const raw = new Uint8Array(size);
    raw.set(this.raw);
    this.raw = raw;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const slots = new Int32Array(size);
    const hashes = new Int32Array(size);
    const mask = size - 1;
    for (let s = 0; s <= this.mask; s++) {
      const entry = this.slots[s];
      if (entry === 0) continue;
      const h = this.hashes[s];
      let slot = (h ^ (h >>> 15)) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
      hashes[slot] = h;
    }
    this.slots = slots;
    this.hashes = hashes;
    this.mask = mask;
  }
}
