// Text decoding for readers. Delimiters, quotes and newlines are ASCII in every supported
// encoding, so the CSV tokenizer never needs decoded text and numbers are parsed straight from
// bytes; only the distinct values of string columns are decoded, once each.
//
// Encoding: UTF-8 when the bytes are valid UTF-8; otherwise windows-1252 (Latin-1 with the
// Windows punctuation), which is what a spreadsheet exported on Windows writes. A file that is
// mostly valid UTF-8 with a few broken bytes stays UTF-8 (broken bytes become U+FFFD) so its
// accents are not turned into mojibake.

export type TextEncodingName = 'utf-8' | 'windows-1252';

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

/** Decodes a short piece (a header line) on its own: UTF-8 if valid, else windows-1252. */
export function decodeSmall(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Decodes a whole file to one string (JSON, NDJSON), by the same encoding rule as CSV cells. */
export function decodeWhole(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return chooseDecoder([body]).decode(body, 0, body.length);
}

function hasHighByte(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return true;
  return false;
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
  const nonAscii = pieces.filter(hasHighByte);
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
