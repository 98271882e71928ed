// The kernel worker's comlink API and the messages it posts on its own, shared with the renderer.
import type { CellOutput } from './outputs';
import type { MaterializedChart } from './chart-data';
import type { ChartRequest, ExecuteReply, ExecuteRequest } from './session';

export type { ChartRequest, ExecuteReply, ExecuteRequest, MaterializedChart };

export interface KernelApi {
  /**
   * Hands the kernel its end of the data worker's table port (null: run without tables) and the
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
export interface KernelOutputMessage {
  type: 'tourney:kernel-output';
  cellId: string;
  output: CellOutput;
}

export function isKernelOutputMessage(data: unknown): data is KernelOutputMessage {
  return typeof data === 'object' && data !== null && (data as KernelOutputMessage).type === 'tourney:kernel-output';
}
