// The CLI built ahead of time: `tourney` and the worker_threads it starts, bundled by esbuild into
// plain ES modules, so the command never transpiles TypeScript when it runs.
//
//   node scripts/build-cli.js          (npm run build:cli; `npm start` and `npm test` run it first)
//
// Layout: dist/cli/<build id>/ holds tourney.mjs, the chunks it loads lazily (one per command)
// and tournament.worker.mjs / csv-chunk.worker.mjs / tree-helper.worker.mjs, all in one folder; npm packages stay external
// (loaded from node_modules). dist/cli/current.json names the current build and the sources it was
// made from. A new build goes to a new folder and current.json is replaced atomically, so a command
// already running keeps loading its own chunks and workers while another process rebuilds.
//
// cli/bin/tourney.js asks freshCliBuild() (cheap: one small JSON read and one stat per source
// file) and builds only when there is no build yet or a source is newer than it — so `npx tourney`
// works on a fresh clone, where the first run takes about a second longer.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_DIST = join(ROOT, 'dist', 'cli');

/** Output name → source: the command and the workers the CLI starts on worker_threads. */
const ENTRIES = {
  tourney: 'cli/run.ts',
  'tournament.worker': 'workers/tournament.worker.ts',
  'csv-chunk.worker': 'workers/csv-chunk.worker.ts',
  'tree-helper.worker': 'workers/tree-helper.worker.ts',
};
/** Superseded builds are removed after this long (a command may still be running from one). */
const KEEP_OLD_BUILDS_MS = 24 * 3600 * 1000;

/** The built entry's file URL when the build is current, else null. */
export function freshCliBuild(root = ROOT) {
  const current = join(root, 'dist', 'cli', 'current.json');
  let state;
  let builtAt;
  try {
    state = JSON.parse(readFileSync(current, 'utf8'));
    builtAt = statSync(current).mtimeMs;
  } catch {
    return null;
  }
  for (const input of state.inputs) {
    try {
      if (statSync(join(root, input)).mtimeMs > builtAt) return null;
    } catch {
      return null; // a source went away: the import graph changed
    }
  }
  return pathToFileURL(join(root, 'dist', 'cli', state.entry)).href;
}

/**
 * npm packages load from node_modules at run time, except JSON files (Node would want an import
 * attribute for them, which the sources do not carry): those are bundled.
 */
const packagesExternalPlugin = {
  name: 'tourney-packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === 'entry-point' || args.path.endsWith('.json') ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Source-relative URLs inside the bundle: `new URL('./x.worker.ts', import.meta.url)` becomes the
 * built worker beside the chunk, any other `new URL('<relative>', import.meta.url)` and
 * `import.meta.dirname` point back to the same place in the repository (a build folder sits three
 * levels below it).
 */
function sourceUrlsPlugin(root, workerOutputs) {
  const toRoot = '../../../';
  return {
    name: 'tourney-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        const dir = dirname(args.path);
        const contents = source
          .replace(/new URL\((['"])(\.{1,2}\/[^'"]*)\1,\s*import\.meta\.url\)/g, (_, quote, spec) => {
            const target = resolve(dir, spec);
            if (/\.worker\.ts$/.test(target)) {
              const built = workerOutputs.get(target);
              if (!built) throw new Error(`${relative(root, args.path)} starts ${relative(root, target)}, which scripts/build-cli.js does not build`);
              return `new URL(${quote}./${built}.mjs${quote}, import.meta.url)`;
            }
            return `new URL(${quote}${toRoot}${relative(root, target).split(sep).join('/')}${quote}, import.meta.url)`;
          })
          .replace(/import\.meta\.dirname/g, () => `__tourneyFileURLToPath(new URL(${JSON.stringify(`${toRoot}${relative(root, dir).split(sep).join('/')}/`)}, import.meta.url)).replace(/[\\\\/]$/, '')`);
        return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
      });
    },
  };
}

/** Builds the CLI into a new folder and makes it current; returns the entry's file URL. */
export async function buildCli({ root = ROOT } = {}) {
  const { build } = await import('esbuild');
  const startedAt = new Date();
  const dist = join(root, 'dist', 'cli');
  const id = `${startedAt.getTime().toString(36)}-${process.pid}`;
  const outdir = join(dist, id);
  const workerOutputs = new Map(Object.entries(ENTRIES).filter(([name]) => name.endsWith('.worker')).map(([name, source]) => [join(root, source), name]));
  const result = await build({
    entryPoints: Object.entries(ENTRIES).map(([out, source]) => ({ in: join(root, source), out })),
    absWorkingDir: root,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    banner: { js: "import { fileURLToPath as __tourneyFileURLToPath } from 'node:url';" },
    plugins: [packagesExternalPlugin, sourceUrlsPlugin(root, workerOutputs)],
  });
  const inputs = [...new Set([...Object.keys(result.metafile.inputs), 'scripts/build-cli.js', 'package.json'])].sort();
  mkdirSync(dist, { recursive: true });
  const temp = `${join(dist, 'current.json')}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ entry: `${id}/tourney.mjs`, inputs }, null, 1)}\n`);
  // Dated when the build started: a source saved while it ran is newer, so the next run rebuilds.
  utimesSync(temp, startedAt, startedAt);
  renameSync(temp, join(dist, 'current.json'));
  removeOldBuilds(dist, id);
  return pathToFileURL(join(outdir, 'tourney.mjs')).href;
}

function removeOldBuilds(dist, keep) {
  const before = Date.now() - KEEP_OLD_BUILDS_MS;
  for (const entry of readdirSync(dist, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep) continue;
    const path = join(dist, entry.name);
    try {
      if (statSync(path).mtimeMs < before) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process removed it first
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const entry = await buildCli();
    console.log(`built ${relative(process.cwd(), fileURLToPath(entry))}`);
  } catch (error) {
    console.error(`error: building the CLI failed: ${error.message}`);
    process.exit(1);
  }
}
