// The tournament's progress bar: phase, time left (counting down between progress events).
import { useEffect, useRef, useState } from 'react';
import type { TournamentProgress } from '../../kernels/tournament/run-tournament';
import { formatSeconds } from './format';

export function ProgressBar({ progress, running, budget }: { progress: TournamentProgress | null; running: boolean; budget: number }) {
  // Ticks once a second so the time left counts down between progress events.
  const [, setTick] = useState(0);
  const since = useRef({ at: performance.now(), elapsed: 0 });
  useEffect(() => {
    since.current = { at: performance.now(), elapsed: progress?.elapsedSeconds ?? 0 };
  }, [progress]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setTick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const elapsed = running ? since.current.elapsed + (performance.now() - since.current.at) / 1000 : progress?.elapsedSeconds ?? 0;
  const total = progress ? Math.max(budget, progress.elapsedSeconds + progress.secondsLeft) : budget;
  const share = progress?.phase === 'done' ? 1 : Math.min(0.99, elapsed / Math.max(1, total));
  const left = Math.max(0, total - elapsed);
  return (
    <div className="am-progress" data-testid="automl-progress" data-phase={progress?.phase ?? 'starting'}>
      <div className="am-progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(100 * share)}>
        <span style={{ transform: `scaleX(${share.toFixed(3)})` }} />
      </div>
      <div className="am-progress-text">
        <b>{progress ? PHASES[progress.phase] : 'Starting workers'}</b>
        <span className="am-muted">{progress?.message ?? 'reading the table'}</span>
        <span className="am-spacer" />
        {progress && <span>{progress.candidatesFinished} candidate{progress.candidatesFinished === 1 ? '' : 's'} scored{progress.candidatesRunning ? `, ${progress.candidatesRunning} running` : ''}</span>}
        {running && <span data-testid="automl-time-left">{Math.ceil(left)} s left</span>}
        {!running && progress?.phase === 'done' && <span>{formatSeconds(progress.elapsedSeconds)}</span>}
      </div>
    </div>
  );
}

const PHASES: Record<TournamentProgress['phase'], string> = {
  preparing: 'Engineering features',
  searching: 'Searching',
  finalizing: 'Finalizing',
  done: 'Done',
};
