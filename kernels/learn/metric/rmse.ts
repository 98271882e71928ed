import { checkSameLength } from './classify';

export function rmse(y: ArrayLike<number>, prediction: ArrayLike<number>): number {
  checkSameLength('rmse', y, prediction);
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (y[i] - prediction[i]) ** 2;
  return Math.sqrt(sum / y.length);
}
