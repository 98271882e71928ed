// Which language a text is in. Trigram detectors (franc) are unreliable on a handful of words
// ("um den heißen Brei herumreden" comes out Dutch), while stop words are the most frequent words
// of a language and show up even in short phrases. So: vote by stop words first; let franc
// break ties and decide texts with no stop word at all, but only when there is enough text for
// trigrams to mean something. A stop word shared by several languages ("a", "de", "in") counts
// for each of them in proportion (1/k), so the words only one language uses decide.
import { francAll } from 'franc-min';
import { STOP_WORD_BITS, STOP_WORD_LANGUAGES, type StopWordLanguage } from './stop-words';

/** 'und' = undetermined. */
export type DetectedLanguage = StopWordLanguage | 'und';

const ISO3_TO_1: Record<string, StopWordLanguage> = {
  eng: 'en', deu: 'de', spa: 'es', fra: 'fr', ita: 'it', por: 'pt', nld: 'nl', swe: 'sv',
  dan: 'da', nob: 'no', nno: 'no', fin: 'fi',
};
const FRANC_ONLY = Object.keys(ISO3_TO_1);
/** Below this many characters franc is not asked: its trigram statistics are noise there. */
const FRANC_MIN_CHARS = 20;
/** A stop-word tie ("a", "in" are English and Italian) goes to franc only for longer texts. */
const FRANC_TIE_MIN_CHARS = 50;

const SHARE = Array.from({ length: 33 }, (_, k) => (k ? 1 / k : 0));

function bitCount(v: number): number {
  let c = 0;
  for (let x = v; x; x &= x - 1) c++;
  return c;
}

/** Detect from already tokenized words (lower case), `text` only for the trigram fallback. */
export function detectLanguage(words: readonly string[], text: string): DetectedLanguage {
  const n = STOP_WORD_LANGUAGES.length;
  const hits = new Float64Array(n);
  for (const w of words) {
    const bits = STOP_WORD_BITS.get(w);
    if (bits === undefined) continue;
    const share = SHARE[bitCount(bits)];
    for (let i = 0; i < n; i++) if (bits & (1 << i)) hits[i] += share;
  }
  let best = -1;
  let bestHits = 0;
  let tied = false;
  for (let i = 0; i < n; i++) {
    if (hits[i] > bestHits) { best = i; bestHits = hits[i]; tied = false; }
    else if (hits[i] === bestHits && bestHits > 0) tied = true;
  }
  if (best >= 0 && !tied) return STOP_WORD_LANGUAGES[best];
  if (text.length >= (best < 0 ? FRANC_MIN_CHARS : FRANC_TIE_MIN_CHARS)) {
    const only = best < 0
      ? FRANC_ONLY
      : FRANC_ONLY.filter((code) => hits[STOP_WORD_LANGUAGES.indexOf(ISO3_TO_1[code])] === bestHits);
    const ranked = francAll(text, { only, minLength: FRANC_MIN_CHARS });
    const top = ranked[0];
    if (top && top[0] !== 'und') return ISO3_TO_1[top[0]];
  }
  // A tie on stop words alone ("a", "de" are shared): first listed language wins, English first.
  return best >= 0 ? STOP_WORD_LANGUAGES[best] : 'und';
}
