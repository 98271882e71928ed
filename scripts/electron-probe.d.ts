// Types for scripts/electron-probe.js (plain Node ESM, so `npm start` needs no compiler).
export type ElectronProbe = { ok: true; binary: string } | { ok: false; reason: string };

export function electronBinaryPath(packageDir: string, env?: NodeJS.ProcessEnv): string | null;

export function probeElectron(options?: {
  root?: string;
  env?: NodeJS.ProcessEnv;
  platform?: string;
  downloadTimeoutMs?: number;
  /** Called before the binary download starts, with its time limit. */
  onDownload?: (timeoutMs: number) => void;
}): Promise<ElectronProbe>;
