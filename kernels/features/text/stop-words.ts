// Stop-word lists (Snowball/NLTK lists as packaged by @orama/stopwords) for the languages text
// features recognise. One map word → bit set of languages, so a token costs one look-up however
// many languages are checked.
import { stopwords as da } from '@orama/stopwords/danish';
import { stopwords as de } from '@orama/stopwords/german';
import { stopwords as en } from '@orama/stopwords/english';
import { stopwords as es } from '@orama/stopwords/spanish';
import { stopwords as fi } from '@orama/stopwords/finnish';
import { stopwords as fr } from '@orama/stopwords/french';
import { stopwords as it } from '@orama/stopwords/italian';
import { stopwords as nl } from '@orama/stopwords/dutch';
import { stopwords as no } from '@orama/stopwords/norwegian';
import { stopwords as pt } from '@orama/stopwords/portuguese';
import { stopwords as sv } from '@orama/stopwords/swedish';

/** ISO 639-1 codes, in the order used for bit positions and for breaking ties (English first). */
export const STOP_WORD_LANGUAGES = ['en', 'de', 'es', 'fr', 'it', 'pt', 'nl', 'sv', 'da', 'no', 'fi'] as const;
export type StopWordLanguage = (typeof STOP_WORD_LANGUAGES)[number];

// The English list as packaged omits the article "a" (Snowball's own list has it); put it back.
const LISTS: Record<StopWordLanguage, string[]> = { en: [...en, 'a'], de, es, fr, it, pt, nl, sv, da, no, fi };

/** word → bit i set when the word is a stop word of STOP_WORD_LANGUAGES[i]. */
export const STOP_WORD_BITS: ReadonlyMap<string, number> = (() => {
  const bits = new Map<string, number>();
  STOP_WORD_LANGUAGES.forEach((lang, i) => {
    for (const raw of LISTS[lang]) {
      const word = raw.toLowerCase().replace(/’/g, "'");
      bits.set(word, (bits.get(word) ?? 0) | (1 << i));
    }
  });
  return bits;
})();

export function languageBit(lang: string): number {
  const i = (STOP_WORD_LANGUAGES as readonly string[]).indexOf(lang);
  return i < 0 ? 0 : 1 << i;
}

/** Whether `word` (lower-case) is a stop word in `lang`. */
export function isStopWord(word: string, lang: StopWordLanguage): boolean {
  return ((STOP_WORD_BITS.get(word) ?? 0) & languageBit(lang)) !== 0;
}
