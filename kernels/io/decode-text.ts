// Text decoding for readers. Cells are decoded lazily from the bytes: delimiters, quotes and
// newlines are ASCII in every supported encoding, so the CSV tokenizer never needs decoded text,
// and numeric cells are parsed straight from bytes. Only string cells are decoded, by slicing
// 64 MB chunk strings (one char per byte when the chunk is ASCII or Latin-1) — far cheaper than a
// TextDecoder call per cell.
//
// Encoding: UTF-8 when the bytes are valid UTF-8; otherwise windows-1252 (Latin-1 with the
// Windows punctuation), which is what a spreadsheet exported on Windows writes. A file that is
// mostly valid UTF-8 with a few broken bytes stays UTF-8 (broken bytes become U+FFFD) so its
// accents are not turned into mojibake.

export type TextEncodingName = 'utf-8' | 'windows-1252';

const CHUNK_BYTES = 1 << 26;

/** Where chunk k starts: multiples of CHUNK_BYTES moved back to a UTF-8 character start. */
function chunkStarts(bytes: Uint8Array, utf8: boolean): number[] {
  const starts = [0];
  for (let s = CHUNK_BYTES; s < bytes.length; s += CHUNK_BYTES) {
    let b = s;
    if (utf8) while (b > s - 4 && (bytes[b] & 0xc0) === 0x80) b--;
    starts.push(b);
  }
  starts.push(bytes.length);
  return starts;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that cannot be UTF-8. */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    if (need < 0 || b > 0xf4) { invalid++; continue; }
    let ok = i + need < n;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) { valid++; i += need; } else invalid++;
  }
  return { valid, invalid };
}

/** Decodes byte ranges of one file into strings. */
export class TextSource {
  readonly encoding: TextEncodingName;
  /** True when some bytes were not valid UTF-8 but the file was still read as UTF-8. */
  readonly lossy: boolean;
  private readonly starts: number[];
  private readonly chunks: string[];
  private readonly oneCharPerByte: boolean[];
  private readonly decoder: TextDecoder;
  private lastStart = 0;
  private lastEnd = -1;
  private lastText = '';

  constructor(private readonly bytes: Uint8Array) {
    let encoding: TextEncodingName = 'utf-8';
    let lossy = false;
    let starts = chunkStarts(bytes, true);
    let chunks: string[] = [];
    try {
      const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      for (let k = 0; k + 1 < starts.length; k++) chunks.push(strict.decode(bytes.subarray(starts[k], starts[k + 1])));
    } catch {
      const evidence = utf8Evidence(bytes);
      if (evidence.valid > 10 * evidence.invalid) lossy = true;
      else {
        encoding = 'windows-1252';
        starts = chunkStarts(bytes, false);
      }
      const loose = new TextDecoder(encoding, { ignoreBOM: true });
      chunks = [];
      for (let k = 0; k + 1 < starts.length; k++) chunks.push(loose.decode(bytes.subarray(starts[k], starts[k + 1])));
    }
    this.encoding = encoding;
    this.lossy = lossy;
    this.starts = starts;
    this.chunks = chunks;
    this.oneCharPerByte = chunks.map((c, k) => c.length === starts[k + 1] - starts[k]);
    this.decoder = new TextDecoder(encoding, { ignoreBOM: true });
  }

  /** All the text (JSON needs one string; V8 strings stop near 512 MB). */
  textAll(): string {
    return this.chunks.join('');
  }

  /** The text of bytes[start, end). */
  text(start: number, end: number): string {
    if (start >= this.lastStart && end <= this.lastEnd) return this.lastText.slice(start - this.lastStart, end - this.lastStart);
    let k = Math.min(Math.floor(start / CHUNK_BYTES), this.chunks.length - 1);
    while (k > 0 && this.starts[k] > start) k--;
    if (end <= this.starts[k + 1] && this.oneCharPerByte[k]) {
      this.lastStart = this.starts[k];
      this.lastEnd = this.starts[k + 1];
      this.lastText = this.chunks[k];
      return this.lastText.slice(start - this.lastStart, end - this.lastStart);
    }
    return this.decoder.decode(this.bytes.subarray(start, end));
  }
}

/** Decodes a short piece (a header line) on its own: UTF-8 if valid, else windows-1252. */
export function decodeSmall(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Decodes a whole file to one string (JSON, NDJSON), with the same encoding rule. */
export function decodeWhole(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  return new TextSource(bytes.subarray(start)).textAll();
}

/** Decodes byte ranges to strings in one chosen encoding. */
export interface BytesDecoder {
  readonly encoding: TextEncodingName | 'ascii';
  /** Some bytes were not valid UTF-8 but the text was still read as UTF-8 (U+FFFD replacements). */
  readonly lossy: boolean;
  /** Every byte decodes to exactly one UTF-16 unit (ASCII, windows-1252): string offsets equal byte offsets. */
  readonly oneCharPerByte: boolean;
  decode(bytes: Uint8Array, start: number, end: number): string;
}

const asciiDecoder = new TextDecoder('utf-8');

/** ASCII text: short pieces by String.fromCharCode (no decoder call overhead), long ones natively. */
const ASCII: BytesDecoder = {
  encoding: 'ascii',
  lossy: false,
  oneCharPerByte: true,
  decode(bytes: Uint8Array, start: number, end: number): string {
    if (end - start > 32) return asciiDecoder.decode(bytes.subarray(start, end));
    return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  },
};

function decoderFor(encoding: TextEncodingName, lossy: boolean): BytesDecoder {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  return { encoding, lossy, oneCharPerByte: encoding === 'windows-1252', decode: (bytes, start, end) => decoder.decode(bytes.subarray(start, end)) };
}

/**
 * Picks the encoding from the bytes that will actually be decoded (each distinct string value
 * once, not the whole file): ASCII when no byte is above 0x7F, UTF-8 when they are valid UTF-8,
 * otherwise windows-1252 unless the bytes are overwhelmingly well-formed UTF-8 (then UTF-8 with
 * replacement characters, so a few broken bytes do not turn every accent into mojibake).
 */
export function chooseDecoder(pieces: Uint8Array[]): BytesDecoder {
  const nonAscii = pieces.filter((p) => p.some((b) => b > 0x7f));
  if (nonAscii.length === 0) return ASCII;
  try {
    const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    for (const p of nonAscii) strict.decode(p);
    return decoderFor('utf-8', false);
  } catch {
    let valid = 0;
    let invalid = 0;
    for (const p of nonAscii) {
      const e = utf8Evidence(p);
      valid += e.valid;
      invalid += e.invalid;
    }
    return valid > 10 * invalid ? decoderFor('utf-8', true) : decoderFor('windows-1252', false);
  }
}
