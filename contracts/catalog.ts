import { z } from 'zod';

export const integrationArea = z.object({
  code: z.string(),
  /** The label in the request's language (German when none is kept for it). */
  name: z.string(),
  names: z.record(z.string(), z.string()),
  sensitivity: z.enum(['normal', 'special']),
});
export const integrationAreaList = z.array(integrationArea);

/** A service block (Baustein): basic, open_consultation, specialist. */
export const serviceBlock = z.object({
  code: z.string(),
  /** The label in the request's language (German when none is kept for it). */
  name: z.string(),
  names: z.record(z.string(), z.string()),
});
export const serviceBlockList = z.array(serviceBlock);
