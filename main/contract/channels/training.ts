/**
 * 研修モード's own controls, for the trainer: take the (simulated) network down and back, and put
 * the virtual card on the reader or take it off when the laptop has no card reader. Refused with
 * a real endpoint configured: there is nothing simulated to control then.
 */
import { z } from 'zod';
import { call } from '../define';

export const TrainingStateSchema = z.object({
  /** The simulated OQS answers (false: the trainer has cut the network). */
  networkUp: z.boolean(),
  /** Where the check reads the card: a PC/SC reader, or the virtual card in the app (no reader). */
  card: z.enum(['reader', 'virtual']),
  /** The virtual card lies on its (simulated) reader. Meaningful when card is 'virtual'. */
  virtualCardPresent: z.boolean(),
});
export type TrainingState = z.infer<typeof TrainingStateSchema>;

export const trainingChannels = {
  'training.state': call(z.object({}).strict(), TrainingStateSchema),
  'training.setNetwork': call(z.object({ up: z.boolean() }).strict(), TrainingStateSchema),
  'training.setVirtualCard': call(z.object({ present: z.boolean() }).strict(), TrainingStateSchema),
};

export const trainingEvents = {
  'training.changed': TrainingStateSchema,
};
