// What a code cell produces, in the shape of Jupyter's nbformat 4 outputs (so saving a notebook
// is a field-for-field copy). Shared by the runner worker and the renderer.

export const MIME_PLAIN = 'text/plain';
export const MIME_HTML = 'text/html';
export const MIME_VEGALITE = 'application/vnd.vegalite.v5+json';

/** One value in several representations, richest first chosen by the renderer. */
export type MimeBundle = {
  [MIME_PLAIN]?: string;
  [MIME_HTML]?: string;
  [MIME_VEGALITE]?: Record<string, unknown>;
} & Record<string, unknown>;

export interface StreamOutput {
  type: 'stream';
  name: 'stdout' | 'stderr';
  text: string;
}

export interface DisplayOutput {
  type: 'display_data';
  data: MimeBundle;
}

export interface ResultOutput {
  type: 'execute_result';
  data: MimeBundle;
  executionCount: number | null;
}

export interface ErrorOutput {
  type: 'error';
  ename: string;
  evalue: string;
  /** 1-based line in the cell's source, when known. */
  line?: number;
  /** 1-based column in the cell's source, when known. */
  column?: number;
  traceback: string[];
}

export type CellOutput = StreamOutput | DisplayOutput | ResultOutput | ErrorOutput;

/** Appends an output, merging consecutive text on the same stream the way Jupyter shows it. */
export function appendOutput(outputs: readonly CellOutput[], output: CellOutput): CellOutput[] {
  const last = outputs[outputs.length - 1];
  if (output.type === 'stream' && last?.type === 'stream' && last.name === output.name) {
    return [...outputs.slice(0, -1), { ...last, text: last.text + output.text }];
  }
  return [...outputs, output];
}
