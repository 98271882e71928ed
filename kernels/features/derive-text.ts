// Free text as numbers, like the seed table: Word Count, Word Count (no stop words), Is English,
// Sentiment (-1/0/1), plus the sentiment score and one indicator per other language seen often
// enough. Stop words and sentiment follow the detected language, so German text is counted with
// German stop words. Missing text gives NaN (the null indicator says it was missing).
import type { ColumnReader, FeatureColumns, FitContext } from './context';
import { newFeatureColumns } from './context';
import { frequentValues } from './one-hot';
import { detectLanguage } from './text/detect-language';
import { sentimentFlag, sentimentScore } from './text/sentiment';
import { languageBit, STOP_WORD_BITS, type StopWordLanguage } from './text/stop-words';
import { tokenize } from './text/tokenize';
import type { TextSpec } from './types';

export interface TextStats {
  wordCount: number;
  wordCountNoStop: number;
  language: string;
  sentiment: number;
  sentimentScore: number;
}

/** The seed-table columns for one text. Undetermined language is read as English. */
export function textStats(text: string): TextStats {
  const words = tokenize(text);
  const language = detectLanguage(words, text);
  const lang: StopWordLanguage = language === 'und' ? 'en' : language;
  const bit = languageBit(lang);
  let noStop = 0;
  for (const w of words) if (((STOP_WORD_BITS.get(w) ?? 0) & bit) === 0) noStop++;
  const score = sentimentScore(words, lang);
  return { wordCount: words.length, wordCountNoStop: noStop, language, sentiment: sentimentFlag(score), sentimentScore: score };
}

const FIXED_OUTPUTS = ['word_count', 'word_count_no_stop', 'is_english', 'sentiment', 'sentiment_score'];

export function fitText(ctx: FitContext): TextSpec {
  const cells = ctx.reader.text(ctx.name);
  const languages: (string | null)[] = [];
  const memo = new Map<string, string>();
  for (const s of cells) {
    if (s == null || s.trim() === '') continue;
    let lang = memo.get(s);
    if (lang === undefined) {
      lang = detectLanguage(tokenize(s), s);
      if (memo.size < 100_000) memo.set(s, lang);
    }
    languages.push(lang === 'en' || lang === 'und' ? null : lang);
  }
  const { values } = frequentValues(languages, ctx.options.topK, ctx.options.minSupport);
  return {
    kind: 'text',
    column: ctx.name,
    languages: values,
    outputs: [...FIXED_OUTPUTS.map((o) => `${ctx.name}:${o}`), ...values.map((l) => `${ctx.name}:language=${l}`)],
  };
}

export function applyText(spec: TextSpec, reader: ColumnReader): FeatureColumns {
  const cells = reader.text(spec.column);
  const n = cells.length;
  const out = newFeatureColumns(spec.outputs.length, n);
  const langIndex = new Map(spec.languages.map((l, j) => [l, FIXED_OUTPUTS.length + j]));
  // Texts repeat (templates, canned answers): compute each distinct short text once.
  const memo = new Map<string, TextStats>();
  for (let i = 0; i < n; i++) {
    const s = cells[i];
    if (s == null || s === '' || (s.charCodeAt(0) <= 32 && s.trim() === '')) {
      for (const col of out) col[i] = NaN;
      continue;
    }
    let st = memo.get(s);
    if (!st) {
      st = textStats(s);
      if (s.length <= 200 && memo.size < 50_000) memo.set(s, st);
    }
    out[0][i] = st.wordCount;
    out[1][i] = st.wordCountNoStop;
    out[2][i] = st.language === 'en' ? 1 : 0;
    out[3][i] = st.sentiment;
    out[4][i] = st.sentimentScore;
    const j = langIndex.get(st.language);
    if (j !== undefined) out[j][i] = 1;
  }
  return out;
}
