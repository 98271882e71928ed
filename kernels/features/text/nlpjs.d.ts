// Types for the parts of nlp.js (https://github.com/axa-group/nlp.js, MIT) the text features
// use: Snowball stemmers and the per-language sentiment lexicons they ship.
interface NlpjsStemmer { stemWord(word: string): string }
interface NlpjsSentimentData {
  afinn?: Record<string, number>;
  pattern?: Record<string, number>;
  senticon?: Record<string, number>;
  negations: { words: string[] };
  stemmed: boolean;
}
declare module '@nlpjs/lang-de' { export class StemmerDe implements NlpjsStemmer { stemWord(word: string): string } export const SentimentDe: NlpjsSentimentData }
declare module '@nlpjs/lang-es' { export class StemmerEs implements NlpjsStemmer { stemWord(word: string): string } export const SentimentEs: NlpjsSentimentData }
declare module '@nlpjs/lang-fr' { export class StemmerFr implements NlpjsStemmer { stemWord(word: string): string } export const SentimentFr: NlpjsSentimentData }
declare module '@nlpjs/lang-it' { export class StemmerIt implements NlpjsStemmer { stemWord(word: string): string } export const SentimentIt: NlpjsSentimentData }
declare module '@nlpjs/lang-pt' { export class StemmerPt implements NlpjsStemmer { stemWord(word: string): string } export const SentimentPt: NlpjsSentimentData }
declare module '@nlpjs/lang-nl' { export class StemmerNl implements NlpjsStemmer { stemWord(word: string): string } export const SentimentNl: NlpjsSentimentData }
