// The bundle's package-lock.json, cut from the project's own lock: the runtime packages the
// server needs and everything they pull in, at the exact versions and integrity hashes the
// project was tested with. `npm ci` (the Dockerfile) requires a lock, and with `resolved` +
// `integrity` npm can install from its cache without asking the registry (`--offline`).

interface LockEntry {
  version: string;
  resolved?: string;
  integrity?: string;
  license?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  engines?: unknown;
  os?: string[];
  cpu?: string[];
  bin?: unknown;
  hasInstallScript?: boolean;
  dev?: boolean;
  optional?: boolean;
  [key: string]: unknown;
}

export interface ProjectLock {
  packages: Record<string, LockEntry>;
}

/** Where npm would find `name` for the package installed at `from` (node's upward lookup). */
function resolvePath(lock: ProjectLock, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

function tarballUrl(path: string, version: string): string {
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const file = name.includes('/') ? name.split('/')[1] : name;
  return `https://registry.npmjs.org/${name}/-/${file}-${version}.tgz`;
}

/** The runtime packages and everything they pull in, as the project lock holds them (no name yet). */
export interface RuntimeLock {
  /** Root package → exact version (package.json's dependencies). */
  versions: Record<string, string>;
  /** Lock entries by install path, sorted. */
  packages: Record<string, LockEntry>;
}

/**
 * The part of the project lock the roots need (package names at the versions the project lock
 * holds); throws naming a root the project lock does not have. The app's build ships this (it
 * cannot read the project lock at run time) and names the bundle's lock with lockFor.
 */
export function runtimeLock(project: ProjectLock, roots: readonly string[]): RuntimeLock {
  const versions: Record<string, string> = {};
  const packages: Record<string, LockEntry> = {};
  const queue: string[] = [];
  for (const root of roots) {
    const path = `node_modules/${root}`;
    const entry = project.packages[path];
    if (!entry) throw new Error(`package-lock.json has no ${root}: install it in the project first`);
    versions[root] = entry.version;
    queue.push(path);
  }
  while (queue.length) {
    const path = queue.shift()!;
    if (packages[path]) continue;
    const { dev: _dev, optional: _optional, devOptional: _devOptional, peer: _peer, ...entry } = project.packages[path];
    packages[path] = { ...entry, resolved: entry.resolved ?? tarballUrl(path, entry.version) };
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const found = resolvePath(project, path, dep);
      if (found) queue.push(found);
      else if (!entry.optionalDependencies?.[dep]) throw new Error(`package-lock.json: ${path} needs ${dep}, which is not installed`);
    }
  }
  return { versions, packages: Object.fromEntries(Object.keys(packages).sort().map((k) => [k, packages[k]])) };
}

/** A lockfile (v3) for a package named `name` depending on the runtime packages. */
export function lockFor(runtime: RuntimeLock, name: string, version: string): unknown {
  return { name, version, lockfileVersion: 3, requires: true, packages: { '': { name, version, dependencies: runtime.versions }, ...runtime.packages } };
}
