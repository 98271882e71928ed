// The fitted feature pipeline as plain JSON, and what fitting reports about it. The spec is the
// only thing scoring needs: `applyFeaturePipeline(spec, table)` replays it with the same code in
// the app worker, the CLI and the exported scorer, so a row gets the same features everywhere.
import type { ColumnType } from '../table/types';
import type { Task } from '../learn/matrix';

/**
 * What a column is for feature engineering: its table type, refined where the table type can't
 * tell (a business title or a company name is just text to the table reader).
 */
export type FeatureRole = ColumnType | 'title' | 'company';

export const FEATURE_ROLES: readonly FeatureRole[] = [
  'integer', 'number', 'boolean', 'date', 'datetime', 'categorical', 'text', 'email', 'phone',
  'url', 'id', 'constant', 'empty', 'title', 'company',
];

interface DerivationBase {
  /** The raw column the derivation reads. */
  column: string;
  /** Feature names it writes, in order. */
  outputs: string[];
}

/** 1 where the raw cell is missing. */
export interface NullIndicatorSpec extends DerivationBase { kind: 'null-indicator' }
/** The number itself, optionally sign-preserving log1p (`log`); missing stays NaN for each learner to impute its own way. */
export interface NumericSpec extends DerivationBase { kind: 'numeric'; log: boolean }
/** The bucket's code (categorical); `edges` are the inner cut points (bucket i is [edges[i-1], edges[i])). */
export interface BucketSpec extends DerivationBase { kind: 'buckets'; edges: number[]; labels: string[] }
/** Indicators for the kept values, then one for any other non-missing value. */
export interface OneHotSpec extends DerivationBase { kind: 'one-hot'; values: string[] }
/** Word counts, language and sentiment; `languages` get one indicator each. */
export interface TextSpec extends DerivationBase { kind: 'text'; languages: string[] }
/**
 * Sublinear TF-IDF weights of selected words and bigrams; with `norm: 'l2'` each row's weights are
 * divided by the row's Euclidean norm, in which every other word or bigram occurrence counts 1
 * (specs without `norm` predate it and replay unnormalised).
 */
export interface TextTermsSpec extends DerivationBase { kind: 'text-terms'; terms: string[]; idf: number[]; norm?: 'l2' }
/** valid, personal (free-mail) domain, then domain indicators. */
export interface EmailSpec extends DerivationBase { kind: 'email'; domains: string[] }
/** How alike the email's domain and the company name are, 0..1. */
export interface EmailCompanySpec extends DerivationBase { kind: 'email-company'; company: string }
/** Seniority rank, seniority indicators, function indicators. */
export interface TitleSpec extends DerivationBase { kind: 'title'; levels: string[]; functions: string[] }
export interface PhoneSpec extends DerivationBase { kind: 'phone' }
/** valid, then registrable-domain indicators. */
export interface UrlSpec extends DerivationBase { kind: 'url'; domains: string[] }
/** Cyclic calendar positions and days before `reference` (epoch ms, the training maximum). */
export interface DateSpec extends DerivationBase { kind: 'date'; reference: number; timeOfDay: boolean }

export type Derivation =
  | NullIndicatorSpec | NumericSpec | BucketSpec | OneHotSpec | TextSpec | TextTermsSpec
  | EmailSpec | EmailCompanySpec | TitleSpec | PhoneSpec | UrlSpec | DateSpec;

export type DerivationKind = Derivation['kind'];

/** A raw column the pipeline reads, and the shape it wants it in. */
export interface PipelineInput {
  name: string;
  type: ColumnType;
  role: FeatureRole;
  storage: 'numeric' | 'string';
}

export type DropKind = 'leak' | 'id' | 'constant' | 'empty' | 'high-cardinality' | 'near-zero-variance' | 'duplicate' | 'user';

export interface DroppedColumn {
  /** The raw column. */
  column: string;
  /** One readable sentence. */
  reason: string;
  kind: DropKind;
  /** Set when only one derived feature of the column was removed. */
  feature?: string;
}

export interface FeaturePipelineOptions {
  task?: Task | 'auto';
  /** Binary: the class whose probability is predicted (default: yes/true/1-like, else the rarer). */
  positiveClass?: string;
  /** Categorical one-hot: at most this many values get a column (default 20). */
  topK?: number;
  /** A value needs at least this many rows to get a column (default max(10, 0.5% of rows)). */
  minSupport?: number;
  /** Override detected roles, by column name. */
  types?: Record<string, FeatureRole>;
  /** Derivations switched off, as `column:kind` (e.g. `description:text-terms`) or a bare column. */
  disabled?: string[];
  /** Text: at most this many word/bigram features per column (default 100, 0 = none). */
  maxTerms?: number;
  /** Supervised numeric buckets: at most this many buckets (default 6). */
  maxBuckets?: number;
  /**
   * Put the bucket codes in the matrix (default false: they are fitted and shown, but a tree
   * learner gains nothing from a coarser copy of a number it already splits, and on the
   * benchmark sets they cost a little accuracy; linear learners benefit).
   */
  bucketsInMatrix?: boolean;
  /** Run the sanity checker (default true). */
  sanityCheck?: boolean;
  /** Keep flagged columns in the matrix, only report them (default false). */
  keepFlagged?: boolean;
  /** Goodman–Kruskal λ / correlation at or above which a single column counts as a leak (default 0.9). */
  leakThreshold?: number;
  /** Rows sampled to show per derived column (default 8). */
  sampleRows?: number;
}

export interface FeaturePipelineSpec {
  format: 1;
  target: string;
  task: Task;
  /** Class names in code order (classification). */
  classes?: string[];
  positiveClass?: string;
  inputs: PipelineInput[];
  derivations: Derivation[];
  /** The matrix columns, in order (a subset of all derivation outputs). */
  features: string[];
  dropped: DroppedColumn[];
  /** The options the spec was fitted with, so the app can change one and refit. */
  options: FeaturePipelineOptions;
}

/** What the Features view shows for one raw column. */
export interface DerivedColumnInfo {
  column: string;
  type: ColumnType;
  role: FeatureRole;
  /** The user overrode the detected role. */
  roleOverridden: boolean;
  /** Why the role was chosen, when the statistics decided it (categorical or text, identifier). */
  roleReason?: string;
  missing: number;
  derivations: {
    kind: DerivationKind;
    /** `column:kind`, what `options.disabled` takes. */
    key: string;
    description: string;
    enabled: boolean;
    /** `shownOnly`: derived for the view (samples, reasons) but deliberately not in the matrix. */
    features: { name: string; kept: boolean; dropReason?: string; shownOnly?: boolean }[];
    /** For category-code features (buckets): the label of each code, e.g. "10-99". */
    codeLabels?: string[];
  }[];
  /** Set when the whole column is out of the matrix. */
  dropped?: DroppedColumn;
  /** First rows: the raw cell and each derived feature's value. */
  sample: { raw: (string | number | null)[]; features: Record<string, number[]> };
}
