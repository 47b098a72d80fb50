import { z } from 'zod';

/** Events that concern the app as a whole. Card, check and job events live with their domains. */
export const appEvents = {
  /** The services host is up (sent once to each new connection) or about to stop. */
  'app.host': z.object({ state: z.enum(['ready', 'stopping']) }),
};
