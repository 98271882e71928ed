// The runner worker's comlink API and the messages it posts on its own, shared with the renderer.
import type { CellOutput } from '../../shared/runner/outputs';
import type { MaterializedChart } from './chart-data';
import type { ChartRequest, ExecuteReply, ExecuteRequest } from './session';

export type { ChartRequest, ExecuteReply, ExecuteRequest, MaterializedChart };

export interface RunnerApi {
  /**
   * Hands the runner its end of the data worker's table port (null: run without tables) and the
   * interrupt flag (an Int32Array over a SharedArrayBuffer; absent where memory cannot be shared).
   */
  connect(dataPort: MessagePort | null, interruptFlag?: Int32Array | null): void;
  execute(request: ExecuteRequest): Promise<ExecuteReply>;
  chartData(request: ChartRequest): Promise<MaterializedChart>;
}

/**
 * Posted on the worker's own channel as a cell produces output. Comlink replies travel on the
 * same channel, so every output of a cell arrives before that cell's execute() resolves.
 */
export interface RunnerOutputMessage {
  type: 'tourney:runner-output';
  cellId: string;
  output: CellOutput;
}

export function isRunnerOutputMessage(data: unknown): data is RunnerOutputMessage {
  return typeof data === 'object' && data !== null && (data as RunnerOutputMessage).type === 'tourney:runner-output';
}
