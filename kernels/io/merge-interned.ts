// Merges the interned string columns of consecutive chunks of one file into the interner a
// single pass over the whole file would have built: each chunk's distinct values are interned
// again, in its first-seen order, into one interner (so a value first seen in chunk 2 gets its
// entry after every value of chunk 1, exactly as in one pass), and each chunk's row codes are
// remapped to the merged entries. Only distinct values are re-hashed, never the rows' bytes.
import { ByteInterner, hashBytes, internRange, type InternedPart } from './byte-interner';

export function mergeInterned(parts: InternedPart[]): ByteInterner {
  let arenaBytes = 0;
  let maxEntries = 1;
  let rows = 0;
  for (const part of parts) {
    arenaBytes += part.arena.length;
    maxEntries = Math.max(maxEntries, part.starts.length);
    rows += part.rows;
  }
  // Every chunk's distinct bytes back to back: the merged interner reads values from here.
  const arena = new Uint8Array(arenaBytes);
  const merged = new ByteInterner(arena, maxEntries);
  const codes = new Int32Array(rows);
  let arenaAt = 0;
  let rowAt = 0;
  for (const part of parts) {
    arena.set(part.arena, arenaAt);
    const { starts, lengths, raw } = part;
    // "Row" e of the merged interner's scratch codes receives the merged entry of local entry e.
    for (let e = 0; e < starts.length; e++) {
      const start = arenaAt + starts[e];
      const end = start + lengths[e];
      if (raw[e]) merged.add(e, start, end, hashBytes(arena, start, end), true);
      else internRange(merged, arena, e, start, end);
    }
    const remap = merged.codes;
    const local = part.codes;
    for (let r = 0; r < part.rows; r++) {
      const entry = local[r];
      codes[rowAt + r] = entry < 0 ? -1 : remap[entry];
    }
    arenaAt += part.arena.length;
    rowAt += part.rows;
  }
  merged.codes = codes;
  return merged;
}
