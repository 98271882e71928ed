// `tourney registry list | show <name>[@<version|alias>] | alias <name> <alias> <version>
//  | import <model-dir> <name> | export <name>[@ref] --out <dir> | backup <file> | restore <file>` on a registry folder (default ./tourney-registry/,
// --registry <dir> for another). Reads check every document (a corrupt one is named with its
// file and field); writes go through the folder store's lock and atomic renames.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { aliasesByVersion } from '../../kernels/registry/aliases';
import { readBackup, writeBackup } from '../../kernels/registry/backup';
import type { ModelVersion } from '../../kernels/registry/documents';
import { snapshotCounts } from '../../kernels/registry/layout';
import { renderModelCardMarkdown } from '../../kernels/registry/model-card';
import { checkModelName, parseModelRef, parseVersionSelector } from '../../kernels/registry/names';
import { RegistryError } from '../../kernels/registry/parse-document';
import { resolveVersion } from '../../kernels/registry/versions';
import { checkFlags, parseArgs, stringFlag, UsageError, type ParsedArgs } from '../args';
import { writeFileAtomic } from '../registry/atomic-write';
import { exportVersionModelDir } from '../registry/export-version';
import { DEFAULT_REGISTRY_DIR, FolderRegistryStore } from '../registry/folder-store';
import { readModelDirToRegister } from '../registry/register-run';

const USAGE = 'usage: tourney registry list | show <name>[@<version|alias>] | alias <name> <alias> <version> [--note <text>] | import <model-dir> <name> | export <name>[@<version|alias>] --out <model-dir> | backup <file> | restore <file> [--replace]   [--registry <dir>] [--json]';

type Out = (text: string) => void;
type Sub = { flags: string[]; booleans: string[]; positionals: number; run: (store: FolderRegistryStore, args: ParsedArgs, out: Out) => Promise<number> };

const SUBCOMMANDS: Record<string, Sub> = {
  list: { flags: ['registry', 'json'], booleans: ['json'], positionals: 0, run: list },
  show: { flags: ['registry', 'json'], booleans: ['json'], positionals: 1, run: show },
  alias: { flags: ['registry', 'note', 'json'], booleans: ['json'], positionals: 3, run: alias },
  import: { flags: ['registry', 'json'], booleans: ['json'], positionals: 2, run: importModelDir },
  export: { flags: ['registry', 'out'], booleans: [], positionals: 1, run: exportVersion },
  backup: { flags: ['registry'], booleans: [], positionals: 1, run: backup },
  restore: { flags: ['registry', 'replace'], booleans: ['replace'], positionals: 1, run: restore },
};

export async function registryCommand(argv: string[], out: Out = (t) => process.stdout.write(t)): Promise<number> {
  const [name, ...rest] = argv;
  const sub = name !== undefined && Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!sub) throw new UsageError(name === undefined ? `registry needs a subcommand\n${USAGE}` : `unknown registry subcommand "${name}"\n${USAGE}`);
  const args = parseArgs(rest, sub.booleans);
  checkFlags(args, sub.flags);
  if (args.positionals.length !== sub.positionals) throw new UsageError(`registry ${name} takes ${sub.positionals || 'no'} argument${sub.positionals === 1 ? '' : 's'}, got ${args.positionals.length}\n${USAGE}`);
  return sub.run(new FolderRegistryStore(stringFlag(args, 'registry') ?? DEFAULT_REGISTRY_DIR), args, out);
}

const score = (v: number | null) => (v === null ? '—' : v.toFixed(4));
const table = (rows: string[][]) => {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
};

async function list(store: FolderRegistryStore, args: ParsedArgs, out: Out): Promise<number> {
  await store.requireExisting();
  const models = await store.listModels();
  if (args.flags.has('json')) {
    out(JSON.stringify({ registry: store.root, models: models.map((m) => ({ name: m.model.name, latestVersion: m.latest?.version ?? null, aliases: m.aliases.aliases, updatedAt: m.model.updatedAt, summary: m.latest?.summary ?? null })) }) + '\n');
    return 0;
  }
  out(`registry ${store.root}: ${models.length} model${models.length === 1 ? '' : 's'}\n`);
  if (!models.length) return 0;
  out(table([
    ['name', 'latest', 'aliases', 'task', 'target', 'metric', 'cv', 'test', 'updated'],
    ...models.map((m) => [
      m.model.name, m.latest ? `v${m.latest.version}` : '—',
      Object.entries(m.aliases.aliases).map(([a, v]) => `${a}=v${v}`).join(',') || '—',
      m.latest?.summary.task ?? '—', m.latest?.summary.target ?? '—', m.latest?.summary.metric ?? '—',
      score(m.latest?.summary.cvScore ?? null), score(m.latest?.summary.testScore ?? null), m.model.updatedAt,
    ]),
  ]));
  return 0;
}

async function requireModel(store: FolderRegistryStore, name: string) {
  await store.requireExisting();
  const model = await store.getModel(checkModelName(name));
  if (!model) {
    const known = (await store.listModels()).map((m) => m.model.name);
    throw new RegistryError(`no model "${name}" in registry ${store.root}${known.length ? ` (models: ${known.join(', ')})` : ''}`);
  }
  return model;
}

async function show(store: FolderRegistryStore, args: ParsedArgs, out: Out): Promise<number> {
  const ref = args.positionals[0];
  const { name, selector } = parseModelRef(ref);
  const model = await requireModel(store, name);
  const aliases = await store.getAliases(name);
  const versions = await store.listVersions(name);
  if (!ref.includes('@')) {
    if (args.flags.has('json')) {
      out(JSON.stringify({ model, aliases, versions: versions.map(({ modelCard: _card, ...v }) => v) }) + '\n');
      return 0;
    }
    const byVersion = aliasesByVersion(aliases);
    out(`${model.name}: ${versions.length} version${versions.length === 1 ? '' : 's'}, latest v${model.latestVersion}${model.description ? ` — ${model.description}` : ''}\n`);
    out(table([
      ['version', 'created', 'family', `cv`, 'test', 'aliases', 'experiment', 'tags'],
      ...versions.map((v) => [`v${v.version}`, v.createdAt, v.summary.family, score(v.summary.cvScore), score(v.summary.testScore), (byVersion.get(v.version) ?? []).join(',') || '—', v.lineage.experimentId ?? '—', v.tags.join(',') || '—']),
    ]));
    if (aliases?.history.length) {
      out('alias history:\n');
      for (const m of aliases.history) out(`  ${m.at}  ${m.alias}: ${m.from === null ? '—' : `v${m.from}`} → ${m.to === null ? '—' : `v${m.to}`}${m.note ? `  (${m.note})` : ''}\n`);
    }
    return 0;
  }
  const number = resolveVersion(name, selector, versions.map((v) => v.version), aliases);
  const version = versions.find((v) => v.version === number)!;
  // Reading the files checks them against the manifest: show never vouches for a corrupt version.
  await store.readVersionFiles(name, number);
  if (args.flags.has('json')) out(JSON.stringify(version) + '\n');
  else out(describeVersion(version, aliasesByVersion(aliases).get(number) ?? []));
  return 0;
}

function describeVersion(v: ModelVersion, aliases: string[]): string {
  return [
    `${v.model} v${v.version}${aliases.length ? ` (${aliases.join(', ')})` : ''}: ${v.summary.family}, ${v.summary.task} on "${v.summary.target}", registered ${v.createdAt} from the ${v.source}`,
    `scores: cv ${v.summary.metric ?? ''} ${score(v.summary.cvScore)}, test ${score(v.summary.testScore)}`,
    `lineage: experiment ${v.lineage.experimentId ?? '—'}, data sha256 ${v.lineage.datasetSha256?.slice(0, 16) ?? '—'}, parent ${v.lineage.parentVersion === null ? '—' : `v${v.lineage.parentVersion}`}`,
    `files: ${v.files.map((f) => f.name).join(', ')}`,
    ...(v.tags.length ? [`tags: ${v.tags.join(', ')}`] : []),
    ...(v.notes ? [`notes: ${v.notes}`] : []),
    '',
    renderModelCardMarkdown(v.modelCard),
  ].join('\n');
}

async function alias(store: FolderRegistryStore, args: ParsedArgs, out: Out): Promise<number> {
  const [name, aliasName, target] = args.positionals;
  await requireModel(store, name);
  const versions = (await store.listVersions(name)).map((v) => v.version);
  const to = resolveVersion(name, parseVersionSelector(target), versions, await store.getAliases(name));
  const before = (await store.getAliases(name))?.aliases[aliasName];
  const result = await store.moveAlias(name, { alias: aliasName, to, at: new Date().toISOString(), note: stringFlag(args, 'note') ?? null });
  if (args.flags.has('json')) out(JSON.stringify(result) + '\n');
  else out(before === to ? `${name}@${aliasName} already points at v${to}\n` : `${name}@${aliasName}: ${before === undefined ? '—' : `v${before}`} → v${to}\n`);
  return 0;
}

/** A model directory (from `tourney train` or exported) as a new version, checked whole first. */
async function importModelDir(store: FolderRegistryStore, args: ParsedArgs, out: Out): Promise<number> {
  const [dir, name] = args.positionals;
  try {
    checkModelName(name);
  } catch (err) {
    throw new UsageError(`registry import: ${(err as Error).message}`);
  }
  const files = await readModelDirToRegister(dir);
  const version = await store.registerVersion({ name, files, createdAt: new Date().toISOString(), source: 'cli', experiment: null });
  if (args.flags.has('json')) out(JSON.stringify(version) + '\n');
  else out(`registered ${name} v${version.version} in ${store.root} (${files.size} files from ${resolve(dir)})\n`);
  return 0;
}

async function exportVersion(store: FolderRegistryStore, args: ParsedArgs, out: Out): Promise<number> {
  const dir = stringFlag(args, 'out');
  if (!dir) throw new UsageError('registry export needs --out <model-dir>');
  const { name } = parseModelRef(args.positionals[0]);
  await requireModel(store, name);
  const version = await exportVersionModelDir(store, args.positionals[0], dir);
  out(`exported ${version.model} v${version.version} (${version.files.length} files) to ${resolve(dir)}\n`);
  return 0;
}

async function backup(store: FolderRegistryStore, args: ParsedArgs, out: Out): Promise<number> {
  const file = resolve(args.positionals[0]);
  const snapshot = await store.snapshot();
  const bytes = writeBackup(snapshot, new Date().toISOString());
  await writeFileAtomic(file, bytes);
  const c = snapshotCounts(snapshot);
  out(`backed up ${c.models} models, ${c.versions} versions, ${c.experiments} experiments (${c.files} model files) to ${file} (${bytes.byteLength} bytes)\n`);
  return 0;
}

async function restore(store: FolderRegistryStore, args: ParsedArgs, out: Out): Promise<number> {
  const file = args.positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new RegistryError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const snapshot = readBackup(bytes, file);
  const { previous } = await store.restore(snapshot, { replace: args.flags.has('replace') });
  const c = snapshotCounts(snapshot);
  out(`restored ${c.models} models, ${c.versions} versions, ${c.experiments} experiments into ${store.root}${previous ? `; the previous registry is kept at ${previous}` : ''}\n`);
  return 0;
}
