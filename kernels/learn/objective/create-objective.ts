// Picks the objective for a task (or an explicit objective name).
import type { Task } from '../matrix';
import { binaryLogloss } from './binary-logloss';
import { huber } from './huber';
import { multiclassSoftmax } from './multiclass-softmax';
import type { Objective } from './objective';
import { regressionL2 } from './regression-l2';

export type ObjectiveName = 'binary' | 'multiclass' | 'regression' | 'huber';

export function createObjective(task: Task, nClasses: number, name?: ObjectiveName, huberDelta?: number): Objective {
  const chosen = name ?? (task === 'binary' ? 'binary' : task === 'multiclass' ? 'multiclass' : 'regression');
  switch (chosen) {
    case 'binary':
      return binaryLogloss;
    case 'multiclass':
      return multiclassSoftmax(nClasses);
    case 'regression':
      return regressionL2;
    case 'huber':
      return huber(huberDelta ?? 1);
    default:
      throw new Error(`unknown objective "${String(chosen)}"`);
  }
}
