// The sentences that name what was wrong with a log or a labels file and what was done about it
// (skipped, excluded, joined): shown by `tourney monitor` and the app's Monitor view alike.
import type { Labels } from './labels';
import type { AggregateResult } from './log-aggregator';

/** The labels' bookkeeping the notes need (a Labels without its map will do). */
export type LabelCounts = Pick<Labels, 'duplicates' | 'incomplete'> & { size: number };

export function labelCounts(labels: Labels | null): LabelCounts | null {
  return labels && { duplicates: labels.duplicates, incomplete: labels.incomplete, size: labels.labels.size };
}

export function problemNotes(result: AggregateResult, labels: LabelCounts | null, kind: 'log' | 'data'): string[] {
  const notes: string[] = [];
  const p = result.problems;
  if (kind === 'data') notes.push('a plain data file: inputs only, so no score shift, volume or latency');
  if (p.corrupt.count) notes.push(`${p.corrupt.count} corrupt or truncated line${p.corrupt.count > 1 ? 's' : ''} skipped (line${p.corrupt.lines.length > 1 ? 's' : ''} ${p.corrupt.lines.join(', ')}${p.corrupt.count > p.corrupt.lines.length ? ', …' : ''}); first: ${p.corrupt.first}`);
  if (p.otherModels.count) notes.push(`${p.otherModels.count} line${p.otherModels.count > 1 ? 's' : ''} of other models or versions excluded: ${p.otherModels.models.map((m) => `${m.model} (${m.count})`).join(', ')}`);
  const sm = p.summaries;
  if (sm.lines) notes.push(`${sm.rows.toLocaleString('en')} prediction${sm.rows === 1 ? '' : 's'} read from ${sm.lines} scorer summary line${sm.lines > 1 ? 's' : ''}${sm.coveredLines ? `; ${sm.coveredLines.toLocaleString('en')} row line${sm.coveredLines > 1 ? 's' : ''} they already counted ${labels ? 'were used for labels only' : 'were not counted again'}` : ''}`);
  if (sm.skipped) notes.push(`${sm.skipped} scorer summary line${sm.skipped > 1 ? 's' : ''} skipped: row lines of the same hours were read first, and merging ${sm.skipped > 1 ? 'them' : 'it'} would count those predictions twice (import summaries.ndjson before the row logs, or alone)`);
  if (p.outOfOrder.count) notes.push(`${p.outOfOrder.count} line${p.outOfOrder.count > 1 ? 's' : ''} arrived out of time order (up to ${Math.round(p.outOfOrder.maxBackSeconds)} s back); hours and windows follow each line's timestamp`);
  if (labels?.duplicates.count) notes.push(`${labels.duplicates.count} duplicate label${labels.duplicates.count > 1 ? 's' : ''} (first kept): ${labels.duplicates.examples.join(', ')}`);
  if (labels?.incomplete) notes.push(`${labels.incomplete} label row${labels.incomplete > 1 ? 's' : ''} without an id or outcome skipped`);
  if (result.labelsWithoutRequest.count) notes.push(`${result.labelsWithoutRequest.count} label${result.labelsWithoutRequest.count > 1 ? 's' : ''} for ids not in the log: ${result.labelsWithoutRequest.examples.join(', ')}${result.labelsWithoutRequest.count > result.labelsWithoutRequest.examples.length ? ', …' : ''}`);
  if (result.labeled.length && result.labeled.length < (labels?.size ?? 0)) notes.push(`${result.labeled.length} of ${labels!.size} labels joined a scored request`);
  return notes;
}
