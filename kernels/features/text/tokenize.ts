// Words as people count them, in any script: runs of letters and digits, with inner apostrophes
// kept ("you're", "we'll", "l'homme" are one word). Unicode-aware on purpose: an ASCII \w split
// would cut "heißen" or "français" in two.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

/** Lower-cased words of `text`, in order. */
export function tokenize(text: string): string[] {
  const words = text.toLowerCase().match(WORD);
  if (!words) return [];
  if (!text.includes('’')) return words;
  for (let i = 0; i < words.length; i++) {
    // One apostrophe form, so stop-word and lexicon look-ups see "you're" whichever was typed.
    if (words[i].includes('’')) words[i] = words[i].replace(/’/g, "'");
  }
  return words;
}
