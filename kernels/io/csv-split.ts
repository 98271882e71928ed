// Splits a CSV's data rows into byte ranges for parallel scanning. A boundary is placed at the
// first line break after each even share of the bytes where the quotes seen since the data
// start are balanced (so a newline inside a quoted field is not taken for a row end), and never
// between the CR and LF of a CRLF. Quote counting is a guess for malformed files (a stray quote
// inside an unquoted field); the chunked reader therefore checks each boundary — a chunk that
// scans cleanly to its end ends on a real row boundary — and falls back to one pass otherwise.
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Boundaries [start, b1, …, end] of at most `count` chunks of bytes[start, end) (fewer when
 * the data is short or one quoted field spans several shares); each chunk is non-empty.
 */
export function splitCsvChunks(bytes: Uint8Array, start: number, count: number, end = bytes.length): number[] {
  const bounds = [start];
  let quotes = 0; // quotes in bytes[start, scanned)
  let scanned = start;
  for (let k = 1; k < count; k++) {
    const target = start + Math.floor(((end - start) * k) / count);
    const from = Math.max(target, bounds[bounds.length - 1]);
    if (from >= end) break;
    for (let q = bytes.indexOf(QUOTE, scanned); q >= 0 && q < from; q = bytes.indexOf(QUOTE, q + 1)) quotes++;
    let inQuotes = (quotes & 1) === 1;
    let cut = -1;
    for (let i = from; i < end; i++) {
      const b = bytes[i];
      if (b === QUOTE) { inQuotes = !inQuotes; quotes++; }
      else if (!inQuotes && (b === LF || (b === CR && bytes[i + 1] !== LF))) { cut = i + 1; break; }
    }
    if (cut < 0 || cut >= end) break;
    // Quotes in [from, cut) were counted by the loop above.
    scanned = cut;
    bounds.push(cut);
  }
  bounds.push(end);
  return bounds;
}
