// Aliases (champion, challenger, user names) point at versions; every move is appended to the
// history with when, from which version to which, and an optional note. Nothing is ever removed
// from the history, so "who was champion last Tuesday" always has an answer.
import type { Aliases, AliasMove } from './documents';
import { checkAliasName } from './names';
import { RegistryError } from './parse-document';
import { REGISTRY_SCHEMA_VERSION } from './schema-version';

export const CHAMPION = 'champion';
export const CHALLENGER = 'challenger';

export function emptyAliases(model: string): Aliases {
  return { kind: 'aliases', schemaVersion: REGISTRY_SCHEMA_VERSION, model, aliases: {}, history: [] };
}

export interface AliasMoveInput {
  alias: string;
  /** The version to point at; null removes the alias. */
  to: number | null;
  at: string;
  note?: string | null;
}

/**
 * The aliases after one move. Pointing an alias where it already points changes nothing (no
 * history entry); pointing at a version that does not exist, or removing an absent alias, is refused.
 */
export function moveAlias(current: Aliases, versions: readonly number[], move: AliasMoveInput): Aliases {
  const alias = checkAliasName(move.alias);
  const from = current.aliases[alias] ?? null;
  if (move.to !== null && !versions.includes(move.to)) throw new RegistryError(`model "${current.model}" has no version ${move.to}`);
  if (move.to === null && from === null) throw new RegistryError(`model "${current.model}" has no alias "${alias}" to remove`);
  if (from === move.to) return current;
  const aliases = { ...current.aliases };
  if (move.to === null) delete aliases[alias];
  else aliases[alias] = move.to;
  const entry: AliasMove = { at: move.at, alias, from, to: move.to, note: move.note ?? null };
  return { ...current, aliases, history: [...current.history, entry] };
}

/** Where an alias pointed at a given time (from the history), or null. */
export function aliasAt(aliases: Aliases, alias: string, at: string): number | null {
  const t = Date.parse(at);
  let version: number | null = null;
  for (const m of aliases.history) {
    if (Date.parse(m.at) > t) break;
    if (m.alias === alias) version = m.to;
  }
  return version;
}

/** Aliases pointing at each version, for listings ("v3 champion"). */
export function aliasesByVersion(aliases: Aliases | undefined): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [name, v] of Object.entries(aliases?.aliases ?? {}).sort(([a], [b]) => a.localeCompare(b))) out.set(v, [...(out.get(v) ?? []), name]);
  return out;
}
