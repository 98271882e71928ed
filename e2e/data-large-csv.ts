// A large, seeded, mixed-type CSV for the data viewer's long-task test (and for trying the app
// on a big file): 1,000,000 rows × 20 columns, about 100 MB, written once to bench/.data/ and
// reused. Same seed, same bytes.
//
//   node --import tsx e2e/data-large-csv.ts [rows]     # prints the path
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../sample-data/prng';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const LARGE_CSV_ROWS = 1_000_000;

const SEGMENTS = ['home', 'smb', 'corp', 'gov', 'edu'];
const REGIONS = ['N', 'S', 'E', 'W', 'C', 'NE', 'NW', 'SE', 'SW', 'IS', 'OS', 'UN'];
const PLANS = ['free', 'basic', 'pro', 'team'];
const CHANNELS = ['web', 'mobile', 'store', 'partner', 'phone', 'email'];
const CITIES = Array.from({ length: 40 }, (_, i) => `c${i + 1}`);

const HEADER = [
  'customer_id', 'age', 'income', 'score', 'segment', 'region', 'active', 'signup_date', 'visits', 'churn',
  'balance', 'plan', 'rating', 'ratio', 'city', 'channel', 'tenure', 'spend', 'product_code', 'last_seen',
];

export function largeCsvPath(rows = LARGE_CSV_ROWS): string {
  return join(ROOT, 'bench', '.data', `wide-${rows}-v2.csv`);
}

/** Writes the CSV unless it is already there (complete); returns its path. */
export async function ensureLargeCsv(rows = LARGE_CSV_ROWS, seed = 20240611): Promise<string> {
  const path = largeCsvPath(rows);
  if (existsSync(path) && statSync(path).size > 0) return path;
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(partial);
  const random = createRandom(seed);
  const day0 = Date.UTC(2015, 0, 1);
  const write = (text: string) => new Promise<void>((done) => (out.write(text) ? done() : out.once('drain', done)));

  await write(`${HEADER.join(',')}\n`);
  const BATCH = 5000;
  for (let start = 0; start < rows; start += BATCH) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + BATCH); i++) {
      const signup = day0 + random.int(0, 3000) * 86_400_000;
      const lastSeen = signup + random.int(0, 400 * 86_400) * 1000;
      lines.push([
        i + 1,
        random.int(18, 90),
        (20_000 + Math.abs(random.normal()) * 40_000).toFixed(0),
        random.next().toFixed(3),
        random.pick(SEGMENTS),
        random.pick(REGIONS),
        random.chance(0.7) ? 'true' : 'false',
        new Date(signup).toISOString().slice(0, 10),
        random.int(0, 500),
        random.chance(0.26) ? 'Yes' : 'No',
        random.chance(0.08) ? '' : (random.normal() * 1500).toFixed(1),
        random.pick(PLANS),
        random.int(1, 5),
        random.next().toFixed(3),
        random.pick(CITIES),
        random.pick(CHANNELS),
        random.int(0, 120),
        random.chance(0.05) ? '' : (random.next() * 900).toFixed(1),
        `P-${random.int(10_000, 99_999)}`,
        new Date(lastSeen).toISOString().slice(0, 16).replace('T', ' '),
      ].join(','));
    }
    await write(`${lines.join('\n')}\n`);
  }
  await new Promise<void>((done, fail) => out.end((error?: Error | null) => (error ? fail(error) : done())));
  renameSync(partial, path);
  return path;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? LARGE_CSV_ROWS);
  const started = Date.now();
  const path = await ensureLargeCsv(rows);
  console.log(`${path} (${(statSync(path).size / 1e6).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
