// Tiny argument parser shared by every command: positionals plus --flag value / --flag=value / --bool.
// Values are read strictly: a number is written in decimal (`--seed 0x10` or `--seed ' '` is a
// usage error, not 16 or 0), and a list names at least one item and no empty ones.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!name) throw new UsageError(`"${arg}" is not an option`);
    if (flags.has(name)) throw new UsageError(`--${name} is given twice`);
    if (booleanFlags.includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else if (eq >= 0) flags.set(name, arg.slice(eq + 1));
    else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
      i++;
    }
  }
  return { positionals, flags };
}

/** Rejects flags the command does not know, so typos never pass silently. */
export function checkFlags(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
  }
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

/** A plain decimal number: 12, -3, 0.5, .5, 1e3 — no hex, no blanks, no `Infinity`. */
const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

export function numberFlag(args: ParsedArgs, name: string): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  const n = DECIMAL.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a decimal number, got "${v}"`);
  return n;
}

/** A whole decimal number (`--seed 42`); `min` bounds it from below. */
export function integerFlag(args: ParsedArgs, name: string, min = -Infinity): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  const n = /^[-+]?\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number${min > -Infinity ? ` ≥ ${min}` : ''}, got "${v}"`);
  if (n < min) throw new UsageError(`--${name} must be ≥ ${min}, got ${n}`);
  return n;
}

/** A comma-separated list (`--models gbdt,forest`): at least one item, no empty ones, each one of `allowed`. */
export function listFlag(args: ParsedArgs, name: string, allowed: readonly string[], itemName = 'value'): string[] | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  const items = v.split(',').map((s) => s.trim());
  if (items.every((s) => s === '')) throw new UsageError(`--${name} "${v}" names nothing (use one or more of ${allowed.join(', ')})`);
  if (items.includes('')) throw new UsageError(`--${name} "${v}" has an empty entry (separate names with single commas)`);
  for (const item of items) {
    if (!allowed.includes(item)) throw new UsageError(`unknown ${itemName} "${item}" in --${name} (known: ${allowed.join(', ')})`);
  }
  return [...new Set(items)];
}
