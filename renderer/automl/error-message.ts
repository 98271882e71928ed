// The text of a thrown value, for the AutoML view's one-line error messages.

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
