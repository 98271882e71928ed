// Which derivations each kind of column gets, in the order their features appear.
import { fitBuckets } from './bucket-numeric';
import type { FitContext } from './context';
import { fitDate } from './derive-date';
import { fitEmail } from './derive-email';
import { fitNumeric } from './derive-numeric';
import { fitPhone } from './derive-phone';
import { fitText } from './derive-text';
import { fitTextTerms } from './derive-text-terms';
import { fitTitle } from './derive-title';
import { fitUrl } from './derive-url';
import { fitNullIndicator } from './null-indicator';
import { fitOneHot } from './one-hot';
import type { Derivation, DerivationKind, FeatureRole } from './types';

export type DerivationFitter = (ctx: FitContext) => Derivation | null;

const NULL: [DerivationKind, DerivationFitter] = ['null-indicator', fitNullIndicator];

export const PLANS: Record<FeatureRole, [DerivationKind, DerivationFitter][]> = {
  integer: [NULL, ['numeric', fitNumeric], ['buckets', fitBuckets]],
  number: [NULL, ['numeric', fitNumeric], ['buckets', fitBuckets]],
  boolean: [NULL, ['numeric', fitNumeric]],
  date: [NULL, ['date', fitDate]],
  datetime: [NULL, ['date', fitDate]],
  categorical: [NULL, ['one-hot', fitOneHot]],
  company: [NULL, ['one-hot', fitOneHot]],
  text: [NULL, ['text', fitText], ['text-terms', fitTextTerms]],
  title: [NULL, ['title', fitTitle], ['one-hot', fitOneHot]],
  email: [NULL, ['email', fitEmail]],
  phone: [NULL, ['phone', fitPhone]],
  url: [NULL, ['url', fitUrl]],
  constant: [NULL],
  id: [],
  empty: [],
};

/** Roles whose input is read as numbers; everything else is read as text. */
export function numericRole(role: FeatureRole): boolean {
  return role === 'integer' || role === 'number' || role === 'boolean' || role === 'date' || role === 'datetime';
}
