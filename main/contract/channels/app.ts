import { z } from 'zod';
import { call } from '../define';

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 研修モード: simulators and the virtual card. Never silently true when a real endpoint is configured. */
  trainingMode: z.boolean(),
  /** How the UI is connected to the services host: the Electron relay or the loopback bridge. */
  transport: z.enum(['electron', 'web']),
  /** The services host's clock, so the screen shows one time whatever the laptop's zone is. */
  now: z.iso.datetime({ offset: true }),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appChannels = {
  'app.info': call(z.object({}).strict(), AppInfoSchema),
};
