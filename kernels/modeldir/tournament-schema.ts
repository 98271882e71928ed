// The declared shape of tournament.json (kernels/tournament/tournament-model.ts): members with
// weights that are finite, positive and sum to 1, each a learner of the model's task and class
// count, optionally read through a categorical view, and an optional calibration.
import { z } from 'zod';
import { featureNamesSchema, learnerSchema, taskSchema } from './model-schema';

const WEIGHT_SUM_TOLERANCE = 1e-6;
const num = z.number({ error: 'expected a finite number' });

const calibrationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('platt'), a: num, b: num }),
  z.object({ method: z.literal('isotonic'), x: z.array(num).min(1), y: z.array(num).min(1) })
    .refine((c) => c.x.length === c.y.length, { message: 'x and y differ in length', path: ['y'] }),
  z.object({ method: z.literal('temperature'), temperature: num.positive({ error: 'the temperature must be > 0' }), nClasses: z.number().int().min(2),
    smoothing: num.min(0, { error: 'the smoothing must be in [0, 1)' }).lt(1, { error: 'the smoothing must be in [0, 1)' }).optional() }),
], { error: 'expected a platt, isotonic or temperature calibration' });

const viewSchema = z.object({
  groups: z.array(z.object({ name: z.string(), members: z.array(z.string()).min(1) }), { error: 'expected an array of one-hot groups' }),
});

export const tournamentSchema = z
  .object({
    kind: z.literal('tournament-model', { error: 'expected "tournament-model"' }),
    format: z.literal(1, { error: 'expected format 1' }),
    task: taskSchema,
    nClasses: z.number().int().min(1),
    classes: z.array(z.string()).optional(),
    positiveClass: z.string().optional(),
    features: featureNamesSchema,
    members: z
      .array(z.object({
        weight: num.positive({ error: 'a member weight must be > 0' }),
        model: learnerSchema,
        view: viewSchema.optional(),
      }), { error: 'expected an array of members' })
      .min(1, { error: 'a tournament model needs at least one member' }),
    calibration: calibrationSchema.optional(),
  })
  .superRefine((t, ctx) => {
    const sum = t.members.reduce((a, m) => a + m.weight, 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) ctx.addIssue({ code: 'custom', message: `member weights sum to ${sum}, expected 1`, path: ['members'] });
    t.members.forEach((m, i) => {
      if (m.model.task !== t.task) ctx.addIssue({ code: 'custom', message: `is a ${m.model.task} model in a ${t.task} tournament model`, path: ['members', i, 'model', 'task'] });
      if (m.model.nClasses !== t.nClasses) ctx.addIssue({ code: 'custom', message: `is ${m.model.nClasses}, the tournament model has ${t.nClasses} classes`, path: ['members', i, 'model', 'nClasses'] });
    });
    if (t.calibration?.method === 'temperature' && t.calibration.nClasses !== t.nClasses) {
      ctx.addIssue({ code: 'custom', message: `is ${t.calibration.nClasses}, the model has ${t.nClasses} classes`, path: ['calibration', 'nClasses'] });
    }
  });
export type TournamentJson = z.infer<typeof tournamentSchema>;
