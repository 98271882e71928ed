// Builds sample-data/public/demo.ipynb, the notebook the workbench opens on first start.
//
//   node --import tsx sample-data/build-demo-notebook.ts [--out path]
//
// Tourney notebooks are plain nbformat 4.5 JSON plus a `tourney` key in the metadata:
//
// Notebook metadata — which tables to load before the first cell runs; `url` is resolved
// against the notebook's own location (here both files sit in the app's public root):
//   "metadata": { "tourney": { "tables": [ { "name": "leads", "url": "leads.csv" } ] } }
//
// Cell metadata — `kind` decides how Tourney shows a cell; without it, nbformat's cell_type does
// (code → code, markdown → markdown, raw → markdown kept raw). This is also what the renderer's
// notebook reader/writer (renderer/notebook/ipynb.ts) produces, so a saved demo round-trips:
//   data cell:  "cell_type": "raw", "source": "leads",
//               "metadata": { "tourney": { "kind": "data", "table": "leads" } }
//   chart cell: "cell_type": "code", "source": <the spec as pretty-printed JSON text>,
//               "metadata": { "tourney": { "kind": "chart", "table": "leads", "spec": <vega-lite spec> } }
//               The spec has no `data`: it draws the table named in `table`. `spec` is the
//               parsed copy (authoritative when present); a code cell so Jupyter tools show the
//               saved vega-lite output.
//   code cell:  "cell_type": "code", TypeScript/JavaScript run by the kernel worker, where each
//               table is a variable holding an arquero table (`leads`), with `aq`, `op`,
//               `display(...)`, `chart(<vega-lite spec with data: a table>)` and `print(...)`;
//               metadata.tourney.kind "code".
//   markdown:   "cell_type": "markdown", metadata.tourney.kind "markdown".
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type TourneyCellKind = 'markdown' | 'code' | 'data' | 'chart';

export interface NotebookCell {
  id: string;
  cell_type: 'markdown' | 'code' | 'raw';
  metadata: { tourney: { kind: TourneyCellKind; table?: string; spec?: Record<string, unknown> } };
  source: string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: Record<string, unknown> & { tourney: { tables: { name: string; url: string }[] } };
  cells: NotebookCell[];
}

/** nbformat stores source as lines that keep their newline, except the last. */
function lines(text: string): string[] {
  const parts = text.split('\n');
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line)).filter((line) => line !== '');
}

function markdown(id: string, text: string): NotebookCell {
  return { id, cell_type: 'markdown', metadata: { tourney: { kind: 'markdown' } }, source: lines(text) };
}

function code(id: string, text: string): NotebookCell {
  return { id, cell_type: 'code', metadata: { tourney: { kind: 'code' } }, source: lines(text), outputs: [], execution_count: null };
}

function dataCell(id: string, table: string): NotebookCell {
  return { id, cell_type: 'raw', metadata: { tourney: { kind: 'data', table } }, source: [table] };
}

function chartCell(id: string, table: string, spec: Record<string, unknown>): NotebookCell {
  return {
    id, cell_type: 'code', metadata: { tourney: { kind: 'chart', table, spec } }, source: lines(JSON.stringify(spec, null, 2)),
    outputs: [], execution_count: null,
  };
}

export const LEADS_BY_SOURCE_SPEC = {
  title: 'Leads by source and outcome',
  mark: 'bar',
  encoding: {
    y: { field: 'lead_source', type: 'nominal', sort: '-x', title: 'Lead source' },
    x: { aggregate: 'count', type: 'quantitative', title: 'Leads' },
    color: { field: 'converted', type: 'nominal', title: 'Converted' },
  },
};

const INTRO = `# Lead scoring: models in minutes, not months

Which sales leads will convert? This notebook walks the whole journey on 5,000 sample CRM leads
(\`leads.csv\`, bundled with Tourney and generated from a fixed seed):

1. **Access and explore** the table: columns, types, profiles, charts.
2. **Engineer features**: the signal hides in messy columns — *Senior VP*, *SVP* and
   *sr. vice president* are one seniority; a gmail address is not a corporate one; a description
   can be long or empty, German or French, enthusiastic or annoyed.
3. **Build models**: run a tournament of model families on \`converted\`, cross-validated, in
   worker threads.
4. **Interpret** the winner: its score on held-out rows, evaluation charts, feature importance,
   and what-if rows with their explanation.

Run the cells from the top (Shift+Enter).`;

const BY_SOURCE = `// Conversion rate by lead source, over all rows, with arquero.
// \`converted\` may load as a boolean or as Yes/No text, so count both.
const withWon = leads.derive({ won: (d) => (d.converted === true || d.converted === 'Yes' ? 1 : 0) })
const bySource = withWon
  .groupby('lead_source')
  .rollup({ leads: op.count(), conversion_rate: op.mean('won') })
  .orderby(aq.desc('conversion_rate'))
display(bySource)`;

const SENIORITY_MD = `## The TITLE pivot

One-hot encoding the raw \`title\` column gives over a thousand sparse columns: case, abbreviations,
typos and languages split every seniority into dozens of spellings. Mapping spellings to a
seniority first makes the signal plain.`;

const BY_SENIORITY = `// Title seniority across spellings: a few keyword patterns, checked from the top.
const SENIORITY: [string, RegExp][] = [
  ['C-level', /\\b(ceo|cfo|cto|cio|coo|cmo|chief|chair|president|founder|owner|managing director|gesch|vorstand|pdg|director general)/i],
  ['SVP', /\\b(svp|evp|senior vp|sr\\.? ?v|senior vice|exec)/i],
  ['VP', /\\b(vp|v\\.p\\.|vice|vize)/i],
  ['Director', /\\b(director|dir\\.|head|leiter|directeur|directrice|directora|jefe)/i],
  ['Manager', /\\b(manager|mgr|lead|gerente|chef|responsable)/i],
  ['Junior', /\\b(intern|student|trainee|assistant|apprentice|praktikant|werkstudent|stagiaire|becari)/i],
]
const seniority = (title: string | null) =>
  !title || !title.trim() ? 'unknown' : (SENIORITY.find(([, re]) => re.test(title))?.[0] ?? 'Individual')

const bySeniority = withWon
  .derive({ seniority: aq.escape((d: { title: string | null }) => seniority(d.title)) })
  .groupby('seniority')
  .rollup({ leads: op.count(), conversion_rate: op.mean('won') })

chart({
  data: bySeniority,
  title: 'Conversion rate by title seniority',
  mark: 'bar',
  encoding: {
    x: { field: 'seniority', type: 'nominal', sort: ['C-level', 'SVP', 'VP', 'Director', 'Manager', 'Individual', 'Junior', 'unknown'] },
    y: { field: 'conversion_rate', type: 'quantitative', axis: { format: '%' }, title: 'Conversion rate' },
    tooltip: [{ field: 'leads', type: 'quantitative' }],
  },
})`;

const BY_EMAIL = `// Personal vs corporate email: the domain says more than the address.
const PERSONAL = /@(gmail|yahoo|hotmail|outlook|aol|web|gmx|t-online|orange|free|bluewin|bigpond|btinternet|aon|skynet)\\./i
const emailKind = (email: string | null) =>
  !email ? 'empty' : !/^[^@\\s,]+@[^@\\s,]+\\.[a-z]{2,}$/i.test(email) ? 'malformed' : PERSONAL.test(email) ? 'personal' : 'corporate'

display(
  withWon
    .derive({ email_kind: aq.escape((d: { email: string | null }) => emailKind(d.email)) })
    .groupby('email_kind')
    .rollup({ leads: op.count(), conversion_rate: op.mean('won') })
    .orderby(aq.desc('conversion_rate')),
)`;

const NEXT = `## Next: let Tourney do this for every column

Open **AutoML**, choose \`converted\` as the target and start the tournament. Tourney derives the
features above (title seniority, email kind, description word count, language and sentiment,
employee buckets, log spend) automatically, shows every derived column, drops leaks and useless
columns with a reason, and cross-validates several model families within a time budget. Then
read the winner's held-out score, charts and importance, and edit a what-if row to see its
prediction and why. The command line does the same: \`tourney train leads.csv --target converted\`.`;

export function buildDemoNotebook(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'tourney', display_name: 'Tourney (TypeScript)', language: 'typescript' },
      language_info: { name: 'typescript', file_extension: '.ts' },
      tourney: { tables: [{ name: 'leads', url: 'leads.csv' }] },
    },
    cells: [
      markdown('intro', INTRO),
      dataCell('leads-table', 'leads'),
      markdown('explore', '## Explore\n\nHow do leads from each source convert?'),
      code('conversion-by-source', BY_SOURCE),
      chartCell('leads-by-source-chart', 'leads', LEADS_BY_SOURCE_SPEC),
      markdown('title-pivot', SENIORITY_MD),
      code('conversion-by-seniority', BY_SENIORITY),
      code('conversion-by-email', BY_EMAIL),
      markdown('next', NEXT),
    ],
  };
}

/** The file's text: Jupyter's own layout (one-space indent, trailing newline). */
export function demoNotebookText(): string {
  return JSON.stringify(buildDemoNotebook(), null, 1) + '\n';
}

export const DEMO_NOTEBOOK_PATH = fileURLToPath(new URL('./public/demo.ipynb', import.meta.url));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.length !== 0 && (args.length !== 2 || args[0] !== '--out')) {
    console.error('usage: node --import tsx sample-data/build-demo-notebook.ts [--out path]');
    process.exit(2);
  }
  const out = args.length === 2 ? resolve(args[1]) : DEMO_NOTEBOOK_PATH;
  writeFileSync(out, demoNotebookText());
  console.log(`wrote ${out}`);
}
