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
    description: [`Reads <data> (${DATA}) and prints one line per column: its type, missing values,`, 'distinct values and a summary (numbers: min, median, max, mean, std; categories: top values).'],
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
      { flag: 'workers', value: 'n', text: 'worker threads; lowered to the cores and the free memory, with a note (tournament only)', default: 'one per core' },
      { flag: 'max-candidates', value: 'n', text: 'stop after n candidates: same seed and data, same leaderboard (tournament only)', default: 'no limit' },
    ],
    examples: [
      ['tourney train ../shared/data/telco_churn.csv --target churn --time-budget 15 --out models/churn', 'a 15-second tournament'],
      ['tourney train data.csv --target churn --models gbdt --fixed \'{"trees":300,"maxLeaves":31}\'', 'one GBDT, fixed hyperparameters'],
      ['tourney train next-tenant.csv --template models/churn/template.json', 'the same tournament on another table'],
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
    'tourney: train, score and evaluate tabular models from the command line',
    '',
    'usage: tourney <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `<data> is ${DATA} (delimiter, quoting and encoding sniffed).`,
    'Options take --flag value or --flag=value. Progress goes to stderr, results to stdout.',
    'Exit codes: 0 success, 1 data or model error, 2 usage error, 130/143 interrupted (Ctrl+C, SIGTERM).',
    '',
    'examples:',
    '  tourney profile ../shared/data/telco_churn.csv',
    '  tourney train ../shared/data/telco_churn.csv --target churn --time-budget 15 --out models/churn',
    '  tourney predict models/churn new-customers.csv --out scores.csv',
    '',
    'Run `tourney <command> --help` for a command\'s options and defaults.',
    '',
  ].join('\n');
}

/** The line after a usage error's `error:` line. */
export function usageHint(command?: string): string {
  return command && commandHelp(command) ? `run \`tourney ${command} --help\` for usage` : 'run `tourney --help` for usage';
}
