// Merges consecutive CSV chunks into the column buffers one pass over the whole file builds.
//
// Modes follow the single-pass scanner's rules: a column stays a number column if every chunk
// read numbers; it is a date column if every chunk read ISO dates, except chunks whose cells
// were all missing (a number column with nothing in it turns into a date column at its first
// date); any other mix — text anywhere, or numbers and dates — makes it a string column.
import { MODE_DATE, MODE_NUMBER, MODE_STRING, type ColumnBuffers } from './csv-scan';
import { mergeInterned } from './merge-interned';
import type { ChunkColumns, ChunkSummary } from './csv-chunk';

export function resolveChunkModes(summaries: ChunkSummary[]): number[] {
  const columnCount = summaries[0]?.modes.length ?? 0;
  const modes: number[] = [];
  for (let j = 0; j < columnCount; j++) {
    let numbers = false;
    let dates = false;
    let strings = false;
    for (const s of summaries) {
      if (s.rows === 0) continue;
      const mode = s.modes[j];
      if (mode === MODE_STRING) strings = true;
      else if (mode === MODE_DATE) dates = true;
      else if (!s.allMissing[j]) numbers = true;
    }
    modes.push(strings || (numbers && dates) ? MODE_STRING : dates ? MODE_DATE : MODE_NUMBER);
  }
  return modes;
}

/**
 * Concatenates chunks (taken with the same resolved modes, in file order). `placed[j]`, when
 * given, already holds column j's numbers (written there by the chunks).
 */
export function mergeChunkColumns(chunks: ChunkColumns[], modes: number[], placed: (Float64Array | null)[] = []): { rows: number; columns: ColumnBuffers[] } {
  const rows = chunks.reduce((sum, c) => sum + c.rows, 0);
  const columns = modes.map((mode, j): ColumnBuffers => {
    if (mode === MODE_STRING) {
      const interner = mergeInterned(chunks.map((c) => {
        const part = c.columns[j].interned;
        if (!part) throw new Error(`chunk column ${j} was not taken as strings`);
        return part;
      }));
      return { mode, fractional: false, hasTime: false, numbers: new Float64Array(0), interner };
    }
    const into = placed[j];
    const numbers = into ?? new Float64Array(rows);
    if (into && into.length !== rows) throw new Error(`placed column ${j} has ${into.length} rows, not ${rows}`);
    let at = 0;
    let fractional = false;
    let hasTime = false;
    for (const chunk of chunks) {
      const col = chunk.columns[j];
      if (col.interned) throw new Error(`chunk column ${j} was taken as strings`);
      if (!col.placed) numbers.set(col.numbers, at);
      else if (!into) throw new Error(`chunk column ${j} was placed but no merged column was given`);
      at += col.numbers.length;
      if (col.fractional) fractional = true;
      if (col.hasTime) hasTime = true;
    }
    return { mode: mode === MODE_DATE ? MODE_DATE : MODE_NUMBER, fractional, hasTime, numbers };
  });
  return { rows, columns };
}
