import { checkSameLength } from './classify';

export function mae(y: ArrayLike<number>, prediction: ArrayLike<number>): number {
  checkSameLength('mae', y, prediction);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += Math.abs(y[i] - prediction[i]);
  return sum / y.length;
}
