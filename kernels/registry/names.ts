// Names in the registry: model names (also directory names in a registry folder), alias names,
// model-file names, and `name[@version|alias]` references.
import { RegistryError } from './parse-document';

const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const ALIAS_NAME = /^[a-z][a-z0-9_-]{0,63}$/;
const FILE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
/** Words a reference could mean otherwise. */
const RESERVED_ALIASES = new Set(['latest']);

export function checkModelName(name: string): string {
  if (!MODEL_NAME.test(name)) {
    throw new RegistryError(`invalid model name "${name}": use letters, digits, '.', '_' or '-' (up to 100, starting with a letter or digit)`);
  }
  return name;
}

export function checkAliasName(alias: string): string {
  if (!ALIAS_NAME.test(alias) || RESERVED_ALIASES.has(alias)) {
    throw new RegistryError(
      RESERVED_ALIASES.has(alias)
        ? `invalid alias name "${alias}": "${alias}" is reserved`
        : `invalid alias name "${alias}": use lower-case letters, digits, '_' or '-', starting with a letter (e.g. champion, challenger)`,
    );
  }
  return alias;
}

/** Model-directory file names: relative paths without '.'/'..' segments; version.json is the registry's own. */
export function checkModelFileName(name: string): string {
  const segments = name.split('/');
  if (name === 'version.json' || !segments.every((s) => FILE_SEGMENT.test(s))) {
    throw new RegistryError(`invalid model file name "${name}"`);
  }
  return name;
}

export type VersionSelector = { kind: 'latest' } | { kind: 'version'; version: number } | { kind: 'alias'; alias: string };

/** `churn`, `churn@3`, `churn@champion`, `churn@latest`. */
export function parseModelRef(ref: string): { name: string; selector: VersionSelector } {
  const at = ref.indexOf('@');
  const name = checkModelName(at < 0 ? ref : ref.slice(0, at));
  if (at < 0) return { name, selector: { kind: 'latest' } };
  const rest = ref.slice(at + 1);
  return { name, selector: parseVersionSelector(rest) };
}

export function parseVersionSelector(text: string): VersionSelector {
  if (text === 'latest') return { kind: 'latest' };
  if (/^[0-9]+$/.test(text)) {
    const version = Number(text);
    if (version >= 1 && Number.isSafeInteger(version)) return { kind: 'version', version };
    throw new RegistryError(`invalid version "${text}": versions are numbered from 1`);
  }
  return { kind: 'alias', alias: checkAliasName(text) };
}
