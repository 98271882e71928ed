// One switch from a derivation's kind to the code that computes it, shared by fitting (which
// builds the training matrix with it) and scoring, so both produce the same numbers.
import { applyBuckets } from './bucket-numeric';
import type { ColumnReader, FeatureColumns } from './context';
import { applyDate } from './derive-date';
import { applyEmail } from './derive-email';
import { applyEmailCompany } from './derive-email-company';
import { applyNumeric } from './derive-numeric';
import { applyPhone } from './derive-phone';
import { applyText } from './derive-text';
import { applyTextTerms } from './derive-text-terms';
import { applyTitle } from './derive-title';
import { applyUrl } from './derive-url';
import { applyNullIndicator } from './null-indicator';
import { applyOneHot } from './one-hot';
import type { Derivation } from './types';

export function applyDerivation(d: Derivation, reader: ColumnReader, numericInput: (column: string) => boolean): FeatureColumns {
  switch (d.kind) {
    case 'null-indicator': return applyNullIndicator(d, reader, numericInput(d.column));
    case 'numeric': return applyNumeric(d, reader);
    case 'buckets': return applyBuckets(d, reader);
    case 'one-hot': return applyOneHot(d, reader);
    case 'text': return applyText(d, reader);
    case 'text-terms': return applyTextTerms(d, reader);
    case 'email': return applyEmail(d, reader);
    case 'email-company': return applyEmailCompany(d, reader);
    case 'title': return applyTitle(d, reader);
    case 'phone': return applyPhone(d, reader);
    case 'url': return applyUrl(d, reader);
    case 'date': return applyDate(d, reader);
  }
}

/** Kinds whose outputs are integer category codes (Matrix.categorical), not ordered numbers. */
export function writesCategoryCodes(kind: Derivation['kind']): boolean {
  return kind === 'buckets';
}

/** Derivations whose outputs share one scale by construction (Matrix.normalized). */
export function writesNormalizedWeights(d: Derivation): boolean {
  return d.kind === 'text-terms' && d.norm === 'l2';
}

/** What each kind of derivation is, in a sentence for the Features view. */
export const DERIVATION_DESCRIPTIONS: Record<Derivation['kind'], string> = {
  'null-indicator': 'empty field: 1 where the value is missing',
  numeric: 'the number (log scale when heavily skewed); missing stays missing: trees route it as learned, linear models impute the mean',
  buckets: 'supervised buckets: ranges where the target changes (a category code per range)',
  'one-hot': 'one-hot: an indicator per frequent value, plus OTHER',
  text: 'word count, word count without stop words, is English, language, sentiment',
  'text-terms': 'TF-IDF of the words and bigrams most associated with the target',
  email: 'email: valid, personal (free-mail) domain, frequent domains',
  'email-company': 'similarity between the email domain and the company name',
  title: 'business title: seniority rank and level, business function',
  phone: 'phone number: plausible or not',
  url: 'URL: valid, registrable domain',
  date: 'day of week, month, day of year on the unit circle; days before the latest date',
};
