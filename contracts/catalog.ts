import { z } from 'zod';

export const integrationArea = z.object({
  code: z.string(),
  /** The label in the request's language (German when none is kept for it). */
  name: z.string(),
  names: z.record(z.string(), z.string()),
  sensitivity: z.enum(['normal', 'special']),
});
export const integrationAreaList = z.array(integrationArea);
