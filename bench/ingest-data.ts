// Seeded generator of the CSV-ingest benchmark file: 1,000,000 rows × 20 mixed columns
// (integers, decimals, categoricals, Yes/No and true/false, dates, datetimes, emails, short
// text with quoted commas, codes, missing values), about 100 MB. Same seed → same bytes.
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { mulberry32 } from '../kernels/random/random';

export const INGEST_COLUMNS = [
  'customer_id', 'age', 'income', 'score', 'tenure', 'balance', 'rate', 'visits', 'plan', 'region',
  'segment', 'churned', 'active', 'signup_date', 'last_seen', 'email', 'city', 'comment', 'product_code', 'amount',
];

const PLANS = ['basic', 'standard', 'premium', 'family', 'business'];
const SEGMENTS = ['consumer', 'corp', 'home'];
const WORDS = ['great', 'slow', 'support', 'price', 'fast', 'delivery', 'broken', 'love', 'the', 'app', 'refund', 'okay', 'never', 'again', 'thanks'];

export async function generateIngestCsv(path: string, rows = 1_000_000, seed = 42): Promise<void> {
  if (existsSync(path) && statSync(path).size > 0) return;
  mkdirSync(dirname(path), { recursive: true });
  const rand = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const regions = Array.from({ length: 50 }, (_, i) => `R${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`);
  const cities = Array.from({ length: 200 }, (_, i) => `C${(i * 37) % 1000}`);
  const out = createWriteStream(path);
  out.write(INGEST_COLUMNS.join(',') + '\n');
  const day = 86_400_000;
  const start = Date.UTC(2015, 0, 1);
  let chunk: string[] = [];
  for (let r = 0; r < rows; r++) {
    const income = rand() < 0.05 ? '' : String(Math.round(20000 + rand() * 180000));
    const words = 1 + Math.floor(rand() * 3);
    let comment = '';
    if (rand() >= 0.1) {
      const parts: string[] = [];
      for (let w = 0; w < words; w++) parts.push(pick(WORDS));
      comment = rand() < 0.2 ? `"${parts[0]}, ${parts.slice(1).join(' ')}"` : parts.join(' ');
    }
    const signup = new Date(start + Math.floor(rand() * 3650) * day).toISOString().slice(0, 10);
    const seen = new Date(start + Math.floor(rand() * 3650 * 1440) * 60000).toISOString().slice(0, 16).replace('T', ' ');
    chunk.push([
      100000 + r,
      18 + Math.floor(rand() * 70),
      income,
      (rand() * 100).toFixed(1),
      Math.floor(rand() * 73),
      ((rand() - 0.3) * 5000).toFixed(1),
      rand().toFixed(3),
      Math.floor(rand() * 10),
      pick(PLANS),
      pick(regions),
      rand() < 0.02 ? '' : pick(SEGMENTS),
      rand() < 0.27 ? 'Yes' : 'No',
      rand() < 0.5 ? 'true' : 'false',
      signup,
      seen,
      `u${Math.floor(rand() * 90000)}@ex.io`,
      pick(cities),
      comment,
      `P${Math.floor(rand() * 50000)}`,
      rand() < 0.01 ? '' : (rand() * 500).toFixed(2),
    ].join(','));
    if (chunk.length === 10000) {
      if (!out.write(chunk.join('\n') + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}
