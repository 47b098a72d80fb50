/**
 * The day's list of checks for the clerk (本日の資格確認): when, by whom, whose, how it ended.
 * The patient's name is kept sealed in the store and leaves with the retention setting.
 */
import { z } from 'zod';
import { call } from '../define';

export const TodayCheckSchema = z.object({
  id: z.number().int(),
  checkedAt: z.iso.datetime(),
  staffName: z.string().nullable(),
  outcome: z.enum(['completed', 'cancelled', 'idle', 'fallback', 'notRegistered']),
  patientName: z.string().nullable(),
});
export type TodayCheck = z.infer<typeof TodayCheckSchema>;

export const historyChannels = {
  'history.today': call(z.object({}).strict(), z.object({ checks: z.array(TodayCheckSchema) })),
};
