// `tourney --help` and `tourney <command> --help`: what each command does, every option with its
// default, and examples — the shape of git's and ripgrep's help (usage line, description, options
// aligned in one column, examples last). Usage errors print one `error:` line and point here.
import { METRIC_NAMES } from '../kernels/learn/metric';

export interface OptionHelp {
  flag: string;
  /** Placeholder for the value; absent for switches. */
  value?: string;
  text: string;
  default?: string;
}

export interface CommandHelp {
  name: string;
  summary: string;
  usage: string;
  description: string[];
  options: OptionHelp[];
  examples: [string, string][];
}

const DATA = 'CSV/TSV, JSON, NDJSON or Parquet';

export const COMMANDS: readonly CommandHelp[] = [
  {
    name: 'profile',
    summary: 'show each column\'s type, missing values and summary',
    usage: 'tourney profile <data> [--json]',
    description: [`Reads <data> (${DATA}) and prints one line per column: its type,`, 'missing values, distinct values and a summary (numbers: min, median, max, mean, std;', 'categories: top values).'],
    options: [{ flag: 'json', text: 'print {"rows", "columns": [{"name", "type", "missing", "distinct", …}]} instead' }],
    examples: [['tourney profile ../shared/data/telco_churn.csv', 'types and summaries of every column']],
  },
  {
    name: 'train',
    summary: 'train a model: a tournament of model families, or one fixed model',
    usage: 'tourney train <data> --target <column> [options]',
    description: [
      'Without --fixed: a tournament. Candidates of every family in --models compete on the',
      'cross-validated --metric within --time-budget seconds; the winner (an ensemble when that is',
      'better) is calibrated, scored on held-out test rows and written as a model directory.',
      'With --fixed: exactly one model of the one family in --models, with those hyperparameters,',
      'no search and no cross-validation (for benchmarks and reproductions).',
      'Ctrl+C or SIGTERM stops training at once and writes nothing (exit 130 / 143).',
    ],
    options: [
      { flag: 'target', value: 'column', text: 'the column to predict (required unless --template names one)' },
      { flag: 'task', value: 'task', text: 'auto, binary, multiclass or regression', default: 'auto: from the target\'s values' },
      { flag: 'metric', value: 'name', text: `what candidates are ranked by: ${METRIC_NAMES.join(', ')}`, default: 'auroc (binary), accuracy (multiclass), rmse (regression)' },
      { flag: 'time-budget', value: 'seconds', text: 'wall-clock budget for the whole run; the first candidate always finishes (a note says if it overran)', default: '60' },
      { flag: 'models', value: 'list', text: 'model families to try, comma-separated: gbdt, forest, linear, bayes', default: 'all four (--fixed: gbdt)' },
      { flag: 'seed', value: 'n', text: 'random seed (a whole number): same seed and data, same candidates', default: '0' },
      { flag: 'out', value: 'dir', text: 'model directory to write', default: 'models/<data name>-tournament (--fixed: models/<data name>-<family>)' },
      { flag: 'fixed', value: 'json', text: 'train one model with these hyperparameters, e.g. \'{"trees":200,"learningRate":0.05}\'; a gbdt "objective" must fit the task' },
      { flag: 'json', text: 'print the summary as one JSON object on stdout (progress stays on stderr)' },
      { flag: 'template', value: 'file', text: 'run the settings of a saved template.json on this table; flags given override it (tournament only)' },
      { flag: 'workers', value: 'n', text: 'worker threads; lowered to the cores and the free memory, with a note (with --fixed: a gbdt trains on two threads when there are two cores, on one with --workers 1)', default: 'one per core' },
      { flag: 'max-candidates', value: 'n', text: 'stop after n candidates: same seed and data, same leaderboard (tournament only)', default: 'no limit' },
      { flag: 'register', value: 'name', text: 'record the run as an experiment and the model as a new version of <name> in the registry' },
      { flag: 'registry', value: 'dir', text: 'the registry folder --register writes to', default: './tourney-registry' },
    ],
    examples: [
      ['tourney train ../shared/data/telco_churn.csv --target churn --time-budget 15 --out models/churn', 'a 15-second tournament'],
      ['tourney train data.csv --target churn --models gbdt --fixed \'{"trees":300,"maxLeaves":31}\'', 'one GBDT, fixed hyperparameters'],
      ['tourney train next-tenant.csv --template models/churn/template.json', 'the same tournament on another table'],
      ['tourney train ../shared/data/telco_churn.csv --target churn --register churn', 'train and register as the next version of churn'],
    ],
  },
  {
    name: 'predict',
    summary: 'predict every row of a data file with a trained model',
    usage: 'tourney predict <model-dir> <data> [--out <file.csv>]',
    description: [
      'Writes CSV with a header and one row per input row, in input order:',
      '  binary      prediction,probability   (probability of the positive class; stderr names it)',
      '  multiclass  prediction,probability_<class>,…',
      '  regression  prediction',
      'Columns the model never saw are ignored; missing columns are missing values.',
    ],
    options: [{ flag: 'out', value: 'file.csv', text: 'write the predictions there', default: 'stdout' }],
    examples: [['tourney predict models/churn new-customers.csv --out scores.csv', 'score new rows']],
  },
  {
    name: 'evaluate',
    summary: 'score a trained model on rows whose target is known',
    usage: 'tourney evaluate <model-dir> <labeled data> [--json]',
    description: ['Prints the training metric and the usual others (and a confusion matrix for classification).', 'Rows without a target value, or with a class the model never saw, are skipped and counted.'],
    options: [{ flag: 'json', text: 'print the result as one JSON object' }],
    examples: [['tourney evaluate models/churn ../shared/data/telco_churn.csv', 'metrics on labeled rows']],
  },
  {
    name: 'monitor',
    summary: 'drift and data-quality report of a prediction log against the training reference',
    usage: 'tourney monitor <model-dir> [<prediction log | log folder | data file>] [options]',
    description: [
      'Compares what a deployed model receives (a scorer prediction log, NDJSON; the scorer\'s log folder,',
      'whose summaries.ndjson is read first so each prediction counts once; or a plain data file:',
      'inputs only) with the model\'s training reference profile (reference-profile.json in the model',
      'directory, written by train): drift per input and of the scores, missing and out-of-range values,',
      'unseen categories and, with --labels, the metric over time; then the alert rules. Exit 3 when an',
      'alert fires, 0 when none (1 and 2 as every command), so a scheduled job can gate on it.',
    ],
    options: [
      { flag: 'reference', value: 'data', text: 'build the training reference from these rows instead (for models trained before train wrote one)' },
      { flag: 'labels', value: 'file', text: 'outcomes known so far: a table with a request id column (id, request_id, key) and an outcome column (label, outcome, actual, y)' },
      { flag: 'window', value: 'hours', text: 'only the last <hours> of the log', default: 'the whole log' },
      { flag: 'now', value: 'ISO time', text: 'the end of the window', default: 'the current time' },
      { flag: 'rules', value: 'rules.json', text: 'alert thresholds to use instead of the defaults' },
      { flag: 'prometheus-rules', value: 'out.yml', text: 'write Prometheus alerting rules for the same thresholds' },
      { flag: 'metrics', value: 'out.prom', text: 'write the report\'s gauges in Prometheus text format' },
      { flag: 'model-name', value: 'name', text: 'the model name the log\'s lines must carry', default: 'meta.json\'s name, else the folder\'s' },
      { flag: 'model-version', value: 'version', text: 'the model version the log\'s lines must carry', default: 'meta.json\'s version, if any' },
      { flag: 'json', text: 'print the report as one JSON object' },
    ],
    examples: [
      ['tourney monitor models/churn predictions.ndjson --window 24 --labels outcomes.csv', 'e.g. hourly: the last day of traffic'],
      ['tourney monitor models/churn /var/lib/tourney/predictions', 'a scorer\'s whole log folder: its hourly summaries, then the row lines they do not cover'],
      ['tourney monitor models/churn --prometheus-rules churn-rules.yml', 'alerting rules for Prometheus'],
    ],
  },
  {
    name: 'export',
    summary: 'write a scoring microservice bundle for a model directory or a registered version',
    usage: 'tourney export <model-dir | name[@version|alias] | fleet-dir> --out <dir> [options]',
    description: [
      'Writes a folder a team deploys without Tourney: the model directory (manifest.json and every',
      'document unchanged), server.js (one JavaScript file), package.json with exact versions,',
      'openapi.json, MODEL_CARD.md, a Dockerfile and Kubernetes manifests. `npm install && npm start`',
      'inside it serves the model. A folder that exists is a model directory; otherwise the argument',
      'names a registered model: name alone is its champion alias, name@3 a version, name@challenger',
      'an alias. The files are checked against the manifest first; a missing or edited one is refused.',
      'A registry folder or a fleet directory (its registry/) gives a multi-model bundle instead: every',
      'tenant\'s champion under tenants/<id>/ behind one server (POST /v1/tenants/{tenant}/predict);',
      'tenants without a champion are left out and named.',
    ],
    options: [
      { flag: 'out', value: 'bundle-dir', text: 'the bundle folder: new, empty, or a previous bundle (required)' },
      { flag: 'registry', value: 'dir', text: 'the registry to look a name up in', default: './tourney-registry' },
      { flag: 'name', value: 'name', text: 'the model\'s name in the service', default: 'the registered name, else the folder\'s name' },
      { flag: 'alert-rules', value: 'rules.json', text: 'thresholds of the bundle\'s prometheus-rules.yml (the JSON of monitor --rules)', default: 'the monitor defaults' },
      { flag: 'alert-for', value: 'duration', text: 'how long a drift or quality condition holds before its alert fires', default: '5m' },
    ],
    examples: [
      ['tourney export models/churn --out churn-scorer', 'a bundle from a model directory'],
      ['tourney export churn --out churn-scorer', 'the champion version of the registered model churn'],
      ['tourney export churn@3 --out churn-v3 --registry team-registry', 'version 3, from another registry'],
      ['tourney export fleet --out fleet-scorer', 'every tenant of a fleet directory in one service'],
    ],
  },
  {
    name: 'serve',
    summary: 'serve a model over HTTP (a bundle, model directory or registered version), or a fleet',
    usage: 'tourney serve <bundle-or-model-dir | name[@version|alias] | fleet-dir> [options]',
    description: [
      'Runs the bundle\'s scoring server in-process (POST /v1/predict, /v1/model, /healthz, /readyz,',
      '/metrics, /openapi.json). A folder that exists is served as it is; otherwise the argument names',
      'a registered model (name alone: its champion). The model files are checked against their',
      'manifest at start: a missing or edited one is refused with one line naming it (exit 1).',
      'Binding another address than 127.0.0.1 needs TOURNEY_API_KEY (exit 2 otherwise).',
      'SIGTERM or Ctrl+C drains the requests in flight, then exits 0. Environment: see scorer/README.md.',
      'A registry folder, a fleet directory (its registry/) or a fleet bundle is served as many',
      'models: POST /v1/tenants/{tenant}/predict scores with that tenant\'s champion, GET /v1/tenants',
      'lists them; models load on first use into a cache bounded by count and bytes (LRU).',
    ],
    options: [
      { flag: 'port', value: 'n', text: 'TCP port; 0 picks a free one', default: '8080 (or $PORT)' },
      { flag: 'host', value: 'address', text: 'address to bind', default: '127.0.0.1 (or $HOST)' },
      { flag: 'registry', value: 'dir', text: 'the registry to look a name up in', default: './tourney-registry' },
      { flag: 'cache-models', value: 'n', text: 'many models: most tenant models held in memory', default: '100 (or $TOURNEY_CACHE_MODELS)' },
      { flag: 'cache-bytes', value: 'size', text: 'many models: most bytes of model files held (512MB, 2GB)', default: '512MB (or $TOURNEY_CACHE_BYTES)' },
      { flag: 'top-tenants', value: 'n', text: 'many models: tenants labelled in /metrics, the rest "other"', default: '20' },
      { flag: 'refresh-seconds', value: 's', text: 'many models: re-read the registry (a moved champion is served)', default: '30; 0 never' },
    ],
    examples: [
      ['tourney serve models/churn --port 8080', 'a model directory'],
      ['tourney serve churn', 'the champion of the registered model churn'],
      ['TOURNEY_API_KEY=s3cret tourney serve churn-scorer --host 0.0.0.0', 'a bundle, reachable from other hosts'],
      ['tourney serve fleet --cache-models 100 --cache-bytes 1GB', 'every tenant of a fleet directory'],
    ],
  },
  {
    name: 'registry',
    summary: 'registered models: list, show, alias, import, export; back up and restore',
    usage: 'tourney registry <list | show | alias | import | export | backup | restore> … [options]',
    description: [
      'Works on a registry folder (one directory a version, plain JSON documents) that the app\'s',
      'registry moves into and out of losslessly.',
      '  list                                      every model: latest version, aliases, scores',
      '  show <name>[@<version|alias|latest>]      a model\'s versions and alias history, or one version',
      '                                            with its lineage, files and model card',
      '  alias <name> <alias> <version|alias|latest> [--note <text>]   point an alias (champion, …)',
      '  import <model-dir> <name>                 register a model directory as the next version;',
      '                                            it is checked whole first (manifest, schemas)',
      '  export <name>[@<version|alias>] --out <model-dir>   a version as a model directory, byte for byte',
      '  backup <file.tourney-registry>            the whole registry as one file',
      '  restore <file.tourney-registry> [--replace]   all or nothing; the old registry is kept aside',
    ],
    options: [
      { flag: 'registry', value: 'dir', text: 'the registry folder', default: './tourney-registry' },
      { flag: 'json', text: 'print JSON (list, show, alias, import)' },
      { flag: 'note', value: 'text', text: 'why the alias moved (alias)' },
      { flag: 'out', value: 'model-dir', text: 'a new or empty folder (export)' },
      { flag: 'replace', text: 'replace a registry that holds something (restore)' },
    ],
    examples: [
      ['tourney registry alias churn champion 1 --note "first release"', 'make version 1 the champion'],
      ['tourney registry show churn@champion', 'one version: scores, lineage, files, model card'],
      ['tourney registry import models/churn churn', 'register a model directory trained earlier'],
      ['tourney registry export churn@2 --out models/churn-v2', 'version 2 back as a model directory'],
    ],
  },
  {
    name: 'retrain',
    summary: 'champion vs challenger on fresh data; the alias moves only on a win',
    usage: 'tourney retrain <registry-name> <fresh data> [--margin <metric delta>] [options]',
    description: [
      'Reruns the champion\'s own template on fresh data. The fresh rows are split (stratified,',
      'the template\'s seed and test share): the challenger trains on one part, and champion and',
      'challenger are scored on the same held-out part with the template\'s metric. The challenger',
      'is registered (alias challenger); champion moves to it only when it is better by --margin.',
      'Both alias moves note the decision and both scores (see `tourney registry show <name>`).',
      'With --fleet <fleet-dir> <fresh tenants>: every tenant with fresh data and a model in the',
      'fleet\'s registry; a tenant that cannot be retrained is reported and the others go on (exit 1).',
    ],
    options: [
      { flag: 'margin', value: 'delta', text: 'how much better the challenger must score, in the metric\'s units', default: '0 (any gain)' },
      { flag: 'registry', value: 'dir', text: 'the registry folder', default: './tourney-registry' },
      { flag: 'fleet', value: 'fleet-dir', text: 'retrain every tenant of this fleet (its registry is <fleet-dir>/registry)' },
      { flag: 'tenant-column', value: 'column', text: 'with --fleet and one fresh table: the column naming the tenant', default: 'tenant' },
      { flag: 'time-budget', value: 'seconds', text: 'the challenger\'s tournament budget', default: 'the template\'s' },
      { flag: 'max-candidates', value: 'n', text: 'stop each tournament after n candidates (reproducible runs)', default: 'no limit' },
      { flag: 'workers', value: 'n', text: 'worker threads', default: 'one per core' },
      { flag: 'json', text: 'print {"retrained": [...], "promoted", "kept", "problems"} on stdout' },
    ],
    examples: [
      ['tourney retrain churn may.csv --margin 0.01', 'promote only a challenger 0.01 AUROC better'],
      ['tourney retrain --fleet fleet/ fresh-tenants/ --margin 0.005', 'every tenant of a fleet'],
    ],
  },
  {
    name: 'fleet',
    summary: 'one template, many tenants: train (sharded), status, Kubernetes manifests',
    usage: 'tourney fleet <train | status | k8s> … [options]',
    description: [
      '  train <template.json> <tenants> --out <fleet-dir> [--shard i/n]',
      '      each tenant its own tournament from the template, registered in <fleet-dir>/registry',
      '      under the tenant id (alias champion). <tenants> is a folder of tables (one a tenant,',
      '      named by the file) or one table with a tenant column. A tenant with bad data (missing',
      '      target, one class, too few rows) is skipped with the reason; the others go on. A rerun',
      '      keeps tenants done with the same template and data; a killed shard resumes. Shards are',
      '      a stable hash of the tenant id: --shard i/n, or --shards n with JOB_COMPLETION_INDEX.',
      '  status <fleet-dir>   merges the shards into fleet.json; lists every tenant and the missing',
      '      ones. Exit 0 when every tenant has a result and none failed, 3 otherwise.',
      '  k8s <fleet-dir> [--schedule \'<cron>\']   writes <fleet-dir>/k8s/: an Indexed Job running the',
      '      shards (backoffLimitPerIndex, resources, a volume), its PersistentVolumeClaim and, with',
      '      --schedule, a CronJob running `retrain --fleet`. The image must hold the tourney CLI.',
    ],
    options: [
      { flag: 'out', value: 'dir', text: 'the fleet folder (train; k8s: where the manifests go)', default: 'k8s: <fleet-dir>/k8s' },
      { flag: 'shard', value: 'i/n', text: 'train only shard i of n (train)', default: 'every tenant' },
      { flag: 'shards', value: 'n', text: 'train: the shard count, the index from JOB_COMPLETION_INDEX; k8s: pods', default: 'k8s: one a 20 tenants' },
      { flag: 'tenant-column', value: 'column', text: 'the column naming the tenant when <tenants> is one table', default: 'tenant' },
      { flag: 'time-budget', value: 'seconds', text: 'each tenant\'s tournament budget (train)', default: 'the template\'s' },
      { flag: 'fleet-budget', value: 'seconds', text: 'for the whole fleet, shared out; tenants left over wait for a rerun' },
      { flag: 'max-candidates', value: 'n', text: 'stop each tournament after n candidates (reproducible runs)', default: 'no limit' },
      { flag: 'min-rows', value: 'n', text: 'fewest rows with a target a tenant needs (train)', default: '30' },
      { flag: 'workers', value: 'n', text: 'worker threads (train)', default: 'one per core' },
      { flag: 'schedule', value: 'cron', text: 'k8s: also write the retrain CronJob on this schedule (UTC)' },
      { flag: 'margin', value: 'delta', text: 'k8s: the retrain CronJob\'s --margin' },
      { flag: 'image', value: 'image', text: 'k8s: container image holding the tourney CLI', default: 'tourney:<version>' },
      { flag: 'name', value: 'name', text: 'k8s: name prefix of the Job, CronJob and volume', default: 'tourney-fleet' },
      { flag: 'cpu', value: 'cores', text: 'k8s: CPU request and limit of a pod', default: '2' },
      { flag: 'memory', value: 'size', text: 'k8s: memory request and limit of a pod', default: '2Gi' },
      { flag: 'json', text: 'print JSON (train, status)' },
    ],
    examples: [
      ['tourney fleet train churn-template.json tenants/ --out fleet/', 'every tenant, one after another'],
      ['tourney fleet train t.json all.csv --tenant-column shop --out fleet/ --shard 0/2', 'half the tenants'],
      ['tourney fleet status fleet/', 'merged results; exit 3 while tenants are missing'],
      ['tourney fleet k8s fleet/ --shards 8 --schedule \'0 3 * * 1\'', 'Indexed Job and a weekly retrain'],
    ],
  },
];

export function commandHelp(name: string): CommandHelp | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Help pages fit a 100-column terminal. */
const LINE_WIDTH = 100;

/** Splits text into lines of at most `width` characters at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** One command's help page. */
export function formatCommandHelp(c: CommandHelp): string {
  const label = (o: OptionHelp) => `--${o.flag}${o.value ? ` <${o.value}>` : ''}`;
  const width = Math.max(...c.options.map((o) => label(o).length));
  const options = c.options.flatMap((o) => {
    const text = o.default ? `${o.text} [default: ${o.default}]` : o.text;
    return wrap(text, LINE_WIDTH - width - 4).map((line, i) => `  ${(i ? '' : label(o)).padEnd(width)}  ${line}`);
  });
  const examples = c.examples.flatMap(([cmd, what]) => [`  # ${what}`, `  ${cmd}`]);
  return [
    `tourney ${c.name}: ${c.summary}`,
    '',
    `usage: ${c.usage}`,
    '',
    ...c.description,
    '',
    'options:',
    ...options,
    `  ${'--help'.padEnd(width)}  show this help`,
    '',
    'examples:',
    ...examples,
    '',
  ].join('\n');
}

/** The overview: every command in one line each, the conventions, where to look next. */
export function formatOverview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'tourney: train, score, evaluate, register, serve and monitor tabular models from the command line',
    '',
    'usage: tourney <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `<data> is ${DATA} (delimiter, quoting and encoding sniffed).`,
    'Options take --flag value or --flag=value. Progress goes to stderr, results to stdout.',
    'Exit codes: 0 success, 1 data or model error, 2 usage error, 3 an alert fired (monitor) or a fleet is incomplete (fleet status), 130/143 interrupted (Ctrl+C, SIGTERM).',
    '',
    'examples:',
    '  tourney profile ../shared/data/telco_churn.csv',
    '  tourney train ../shared/data/telco_churn.csv --target churn --time-budget 15 --out models/churn',
    '  tourney predict models/churn new-customers.csv --out scores.csv',
    '  tourney export churn --out churn-scorer',
    '',
    'Run `tourney <command> --help` for a command\'s options and defaults.',
    '',
  ].join('\n');
}

/** The line after a usage error's `error:` line. */
export function usageHint(command?: string): string {
  return command && commandHelp(command) ? `run \`tourney ${command} --help\` for usage` : 'run `tourney --help` for usage';
}
