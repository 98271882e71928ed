// What the user chose in the Features view for a table — derivations switched off and column
// types changed — kept per table so the AutoML view's tournament uses the same choices. One small
// store outside React (the two views are siblings); components read it with useFeatureChoices.
import { useSyncExternalStore } from 'react';
import type { FeatureRole } from '../../kernels/features/types';

export interface FeatureChoices {
  /** `column:kind` derivations switched off. */
  disabled: string[];
  /** Column → role the user set. */
  types: Record<string, FeatureRole>;
}

const NONE: FeatureChoices = Object.freeze({ disabled: [], types: {} }) as FeatureChoices;
const choices = new Map<string, FeatureChoices>();
const listeners = new Set<() => void>();

export function setFeatureChoices(table: string, next: FeatureChoices): void {
  choices.set(table, { disabled: [...next.disabled], types: { ...next.types } });
  for (const listener of listeners) listener();
}

export function getFeatureChoices(table: string): FeatureChoices {
  return choices.get(table) ?? NONE;
}

export function hasFeatureChoices(c: FeatureChoices): boolean {
  return c.disabled.length > 0 || Object.keys(c.types).length > 0;
}

/** One line for the AutoML view: "2 derivations off, 1 type changed". */
export function describeFeatureChoices(c: FeatureChoices): string {
  const parts: string[] = [];
  const off = c.disabled.length;
  const retyped = Object.keys(c.types).length;
  if (off) parts.push(`${off} derivation${off === 1 ? '' : 's'} off (${c.disabled.join(', ')})`);
  if (retyped) parts.push(`${retyped} type${retyped === 1 ? '' : 's'} changed (${Object.entries(c.types).map(([col, role]) => `${col} → ${role}`).join(', ')})`);
  return parts.join(', ');
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useFeatureChoices(table: string | undefined): FeatureChoices {
  return useSyncExternalStore(subscribe, () => (table ? getFeatureChoices(table) : NONE));
}
