// Categorical or text? A string column with few values is a category; one whose values are
// free text (reviews) is text. Between them sit short strings with many values — titles of
// works, product and facility names, person names, city names — where cardinality alone misleads:
// "Moonlight Mile" and "Moonlight Kingdom" are two categories that share a word worth keeping,
// while "Jane Smith" and "Jane Doe" share a word that says nothing about the row. Following
// TransmogrifAI's SmartTextVectorizer, a column is tokenised only above 30 distinct values when
// the top values cover little of the rows; here, also only when its words recur across values
// (else every word is as rare as the value) and the values are not person names.
import { tokenize } from './text/tokenize';

export type StringRole = 'text' | 'categorical' | 'id';
export interface StringRoleDecision { role: StringRole; reason: string }

/** At most this many distinct values: always a category (TransmogrifAI's maxCardinality). */
const MAX_CATEGORIES = 30;
/** The 30 most frequent values cover at least this share of rows: one-hot keeps the signal. */
const TOP_COVERAGE = 0.5;
/** Short values need this many words on average before their words can mean something. */
const MIN_MEAN_WORDS = 1.5;
/** Share of distinct values sharing a content word with another value, for words to be worth keeping. */
const MIN_RECURRENCE = 0.5;
/** Unique short strings that are not text identify rows. */
const UNIQUE_SHARE = 0.9;
const MAX_ID_WORDS = 3;
/** Distinct values examined (the most frequent first). */
const SAMPLE = 5000;

/** Words that recur in every kind of name and say nothing on their own. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'de', 'la', 'le', 'el', 'los', 'las', 'der', 'die', 'das', 'du', 'des', 'von', 'van']);

export interface StringStatistics {
  rows: number;
  distinct: number;
  /** Share of rows holding one of the 30 most frequent values. */
  topCoverage: number;
  meanWords: number;
  /** Share of distinct values with a content word that another value also has. */
  recurrence: number;
  personNames: boolean;
}

/** Token statistics of a string column's non-blank cells. */
export function stringStatistics(cells: readonly (string | null)[]): StringStatistics {
  const counts = new Map<string, number>();
  let rows = 0;
  for (const c of cells) {
    if (c == null) continue;
    const s = c.trim();
    if (s === '') continue;
    rows++;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  let top = 0;
  for (let i = 0; i < Math.min(MAX_CATEGORIES, ranked.length); i++) top += ranked[i][1];
  const sample = ranked.slice(0, SAMPLE);
  let words = 0;
  let weight = 0;
  const contentWords: string[][] = [];
  const valuesWithWord = new Map<string, number>();
  for (const [value, count] of sample) {
    const tokens = tokenize(value);
    words += tokens.length * count;
    weight += count;
    const content = [...new Set(tokens.filter((t) => t.length > 1 && !/^\d+$/.test(t) && !FUNCTION_WORDS.has(t)))];
    contentWords.push(content);
    for (const t of content) valuesWithWord.set(t, (valuesWithWord.get(t) ?? 0) + 1);
  }
  let recurring = 0;
  for (const content of contentWords) if (content.some((t) => valuesWithWord.get(t)! >= 2)) recurring++;
  return {
    rows,
    distinct: counts.size,
    topCoverage: rows ? top / rows : 0,
    meanWords: weight ? words / weight : 0,
    recurrence: sample.length ? recurring / sample.length : 0,
    personNames: looksLikePersonNames(sample.map(([v]) => v)),
  };
}

/**
 * Person names: two or three capitalised words without digits or function words, whose last words
 * are many and spread out (surnames), unlike facility or product names whose last words repeat
 * ("Municipal", "County", "Pro"), and whose first and last words are different vocabularies.
 */
function looksLikePersonNames(values: readonly string[]): boolean {
  if (values.length < 20) return false;
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  let shaped = 0;
  for (const v of values) {
    const parts = v.split(/\s+/);
    if (parts.length < 2 || parts.length > 3) continue;
    if (!parts.every((p) => /^\p{Lu}[\p{L}'’.-]*$/u.test(p) && !FUNCTION_WORDS.has(p.toLowerCase()))) continue;
    shaped++;
    const f = parts[0].toLowerCase();
    const l = parts[parts.length - 1].toLowerCase();
    first.set(f, (first.get(f) ?? 0) + 1);
    last.set(l, (last.get(l) ?? 0) + 1);
  }
  if (shaped < 0.9 * values.length) return false;
  const lastTop5 = [...last.values()].sort((a, b) => b - a).slice(0, 5).reduce((a, b) => a + b, 0);
  if (lastTop5 > 0.2 * shaped) return false;
  let shared = 0;
  for (const w of first.keys()) if (last.has(w)) shared++;
  return shared < 0.2 * Math.min(first.size, last.size);
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * The role of a string column the reader typed categorical (a text-typed column is already free
 * text). The reason says which statistic decided, for the Features view.
 */
export function decideStringRole(cells: readonly (string | null)[]): StringRoleDecision {
  const s = stringStatistics(cells);
  const unique = s.rows ? s.distinct / s.rows : 0;
  if (s.distinct <= MAX_CATEGORIES) return { role: 'categorical', reason: `categorical: ${s.distinct} distinct values (at most ${MAX_CATEGORIES})` };
  if (s.topCoverage >= TOP_COVERAGE) {
    return { role: 'categorical', reason: `categorical: the ${MAX_CATEGORIES} most frequent of ${s.distinct} values cover ${pct(s.topCoverage)} of rows` };
  }
  if (s.personNames) {
    return unique >= UNIQUE_SHARE
      ? { role: 'id', reason: `identifier: person names, ${pct(unique)} of values unique` }
      : { role: 'categorical', reason: `categorical: person names (their words, such as first names, say nothing alone)` };
  }
  if (s.meanWords >= MIN_MEAN_WORDS && s.recurrence >= MIN_RECURRENCE) {
    return {
      role: 'text',
      reason: `text: ${s.distinct} distinct values whose top ${MAX_CATEGORIES} cover only ${pct(s.topCoverage)} of rows, ` +
        `and ${pct(s.recurrence)} of them share a word with another value (${s.meanWords.toFixed(1)} words on average)`,
    };
  }
  if (unique >= UNIQUE_SHARE && s.meanWords <= MAX_ID_WORDS && s.rows >= 20) {
    return { role: 'id', reason: `identifier: ${pct(unique)} of values are unique short strings, and few of their words recur (${pct(s.recurrence)})` };
  }
  return {
    role: 'categorical',
    reason: s.meanWords < MIN_MEAN_WORDS
      ? `categorical: ${s.distinct} distinct values of ${s.meanWords.toFixed(1)} words on average`
      : `categorical: ${s.distinct} distinct values, but only ${pct(s.recurrence)} share a word with another value`,
  };
}
