// One scored request as monitoring sees it, whatever log or table it came from.
import type { InputValue } from './coerce-input';

export interface MonitorRecord {
  /** Epoch milliseconds of the request; null for rows of a plain data file. */
  time: number | null;
  /** Request id (joins labels); null when the source has none. */
  id: string | null;
  /** Raw input columns by name. */
  input: Record<string, InputValue>;
  /** The model's answer; absent for plain data (no scores). */
  output?: { prediction: InputValue; probabilities?: Record<string, number> } | null;
  latencyMs?: number | null;
}
