// Limits progress messages to a few per second (and every phase change), so a parser that
// reports on every chunk does not flood the main thread with messages to render.
export function throttleProgress(
  send: (phase: string, fraction: number) => void,
  intervalMs = 80,
  now: () => number = () => performance.now(),
): (phase: string, fraction: number) => void {
  let lastPhase = '';
  let lastAt = -Infinity;
  return (phase, fraction) => {
    const t = now();
    if (phase === lastPhase && t - lastAt < intervalMs && fraction < 1) return;
    lastPhase = phase;
    lastAt = t;
    send(phase, fraction);
  };
}
