// Interns CSV string cells straight from the file bytes, while the rows are scanned: an
// open-addressing hash table keyed by the cell's bytes (hashed by the scanner as it walks the
// field), so a repeated value costs a probe and a byte compare, and each row stores a 4-byte
// code. Distinct values are copied into a compact arena (comparisons stay in cache instead of
// reaching back into a 100 MB file) and decoded to strings once, at the end, when the file's
// encoding is known. Building a string per cell and looking it up in a Map was 10× slower.
import { isMissingText } from '../table/missing';
import type { StringStats } from '../table/string-stats';
import type { BytesDecoder } from './decode-text';

/** Flag in a slot's fourth int32: the slot holds a short value's bytes, not a hash and arena offset. */
const SHORT = 1 << 31; // the sign bit: arena offsets (< 2 GB) never have it

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/** FNV-1a of bytes[start, end): the scanner computes the same hash inline. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], FNV_PRIME);
  return h;
}

/** One chunk's interned string column, detached from the chunk's bytes (see ByteInterner.toPart). */
export interface InternedPart {
  rows: number;
  /** Per row: entry index, or -1 for an empty cell. */
  codes: Int32Array;
  /** Entry e's bytes are arena[starts[e], starts[e] + lengths[e]); raw[e] = 1 for a quoted field kept with its quotes. */
  arena: Uint8Array;
  starts: Uint32Array;
  lengths: Uint32Array;
  raw: Uint8Array;
}

export class ByteInterner {
  /** Per row: entry index, or -1 for an empty cell. Grown with the scanner's row capacity. */
  codes: Int32Array;
  private mask = 1023;
  /**
   * Open-addressing table, four int32 a slot, so everything a probe needs sits in one cache line:
   * - values of up to 8 bytes: entry + 1, bytes 0–3, bytes 4–7, length | SHORT — the key itself,
   *   compared without touching the arena (most categorical values are this short);
   * - longer values: entry + 1, FNV hash, length, arena offset — then a byte compare.
   */
  private table = new Int32Array(1024 * 4);
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

  /** Row `row` holds the `length` ≤ 8 bytes at `start`, packed little-endian into w0 (bytes 0–3) and w1 (4–7). */
  addShort(row: number, start: number, length: number, w0: number, w1: number): void {
    const key = length | SHORT;
    const table = this.table;
    const mask = this.mask;
    let h = Math.imul(w0 ^ Math.imul(w1 ^ length, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & mask;
    for (;;) {
      const at = slot << 2;
      const entry = table[at] - 1;
      if (entry < 0) break;
      if (table[at + 3] === key && table[at + 1] === w0 && table[at + 2] === w1) {
        this.codes[row] = entry;
        return;
      }
      slot = (slot + 1) & mask;
    }
    const entry = this.newEntry(start, start + length, false);
    const at = slot << 2;
    table[at] = entry + 1;
    table[at + 1] = w0;
    table[at + 2] = w1;
    table[at + 3] = key;
    this.codes[row] = entry;
    if (this.entries * 2 > mask) this.rehash();
  }

  /**
   * Row `row` holds bytes[start, end) (non-empty) hashing to `h`; `raw` marks a quoted field
   * kept with its quotes because it needs unquoting ("" escapes).
   */
  add(row: number, start: number, end: number, h: number, raw = false): void {
    const bytes = this.bytes;
    const length = end - start;
    const mask = this.mask;
    const table = this.table;
    let slot = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const at = slot << 2;
      const entry = table[at] - 1;
      if (entry < 0) break;
      if (table[at + 1] === h && table[at + 2] === length && table[at + 3] >= 0) {
        const arena = this.arena;
        const s = table[at + 3];
        let k = 0;
        while (k < length && arena[s + k] === bytes[start + k]) k++;
        if (k === length) {
          this.codes[row] = entry;
          return;
        }
      }
      slot = (slot + 1) & mask;
    }
    const entry = this.newEntry(start, end, raw);
    const at = slot << 2;
    table[at] = entry + 1;
    table[at + 1] = h;
    table[at + 2] = length;
    table[at + 3] = this.starts[entry];
    this.codes[row] = entry;
    if (this.entries * 2 > mask) this.rehash();
  }

  /** Records a new distinct value: its bytes go to the arena. */
  private newEntry(start: number, end: number, raw: boolean): number {
    const length = end - start;
    const entry = this.entries++;
    if (entry >= this.starts.length) this.growEntries();
    if (this.arenaEnd + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaEnd + length));
      arena.set(this.arena.subarray(0, this.arenaEnd));
      this.arena = arena;
    }
    const arena = this.arena;
    const bytes = this.bytes;
    for (let k = 0; k < length; k++) arena[this.arenaEnd + k] = bytes[start + k];
    this.starts[entry] = this.arenaEnd;
    this.arenaEnd += length;
    this.lengths[entry] = length;
    if (raw) this.raw[entry] = 1;
    return entry;
  }

  /**
   * The first `rows` rows' entry codes and the distinct values behind them, as plain typed
   * arrays, each on a buffer of its own: what a worker that scanned one chunk of a file posts
   * back (moving the buffers) for merging. The interner is not usable afterwards.
   */
  toPart(rows: number): InternedPart {
    const count = this.entries;
    const codes = this.codes.subarray(0, rows);
    this.codes = new Int32Array(0);
    return {
      rows,
      codes,
      arena: this.arena.slice(0, this.arenaEnd),
      starts: this.starts.slice(0, count),
      lengths: this.lengths.slice(0, count),
      raw: this.raw.slice(0, count),
    };
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
    // One decoder call for the whole arena when every byte is one character (ASCII, Latin-1):
    // each value is then a slice of that string, not a decoder call of its own.
    const whole = decoder.oneCharPerByte ? decoder.decode(this.arena, 0, this.arenaEnd) : undefined;
    for (let entry = 0; entry < entryCount; entry++) {
      const start = this.starts[entry];
      const end = start + this.lengths[entry];
      let text = whole !== undefined ? whole.slice(start, end) : decoder.decode(this.arena, start, end);
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
    const old = this.table;
    const table = new Int32Array(size * 4);
    const mask = size - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === 0) continue;
      const key = old[at + 3];
      let h = old[at + 1];
      if (key < 0) {
        h = Math.imul(h ^ Math.imul(old[at + 2] ^ (key & ~SHORT), 0x9e3779b1), 0x85ebca6b);
        h ^= h >>> 15;
      } else h ^= h >>> 15;
      let slot = h & mask;
      while (table[slot << 2] !== 0) slot = (slot + 1) & mask;
      const to = slot << 2;
      table[to] = old[at];
      table[to + 1] = old[at + 1];
      table[to + 2] = old[at + 2];
      table[to + 3] = old[at + 3];
    }
    this.table = table;
    this.mask = mask;
  }
}

/** Interns bytes[start, end) of row `row`: short values by their packed bytes, longer ones by hash. */
export function internRange(interner: ByteInterner, bytes: Uint8Array, row: number, start: number, end: number): void {
  const length = end - start;
  if (length === 0) interner.addMissing(row);
  else if (length <= 8) {
    let w0 = 0;
    let w1 = 0;
    for (let k = 0; k < length; k++) {
      if (k < 4) w0 |= bytes[start + k] << (k << 3);
      else w1 |= bytes[start + k] << ((k - 4) << 3);
    }
    interner.addShort(row, start, length, w0, w1);
  } else interner.add(row, start, end, hashBytes(bytes, start, end));
}
