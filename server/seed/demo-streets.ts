import type { Deps } from '#server/deps.ts';
import { systemActor } from '#server/modules/identity/identity.public.ts';
import { importStreetDirectory } from '#server/modules/regions/regions.public.ts';

/**
 * A tiny street directory for the demo, written by hand (not the city's data, which Lotse does not
 * ship): a dozen plausible Dresden streets with made-up house-number ranges and their Stadtteil, so
 * that "find your office by address" works on `npm start`. A city imports its own with
 * `lotse streets import`.
 */
export const DEMO_STREETS_CSV = `street,from,to,parity,postcode,stadtteil_code,ortschaft
Prager Straße,1,50,all,01069,04,
Wilsdruffer Straße,1,30,all,01067,01,
Königsbrücker Straße,1,99,odd,01099,11,
Königsbrücker Straße,2,98,even,01099,11,
Bautzner Straße,1,80,all,01099,12,
Leipziger Straße,1,120,all,01097,14,
Borsbergstraße,1,40,all,01309,54,
Kesselsdorfer Straße,1,120,all,01159,93,
Pillnitzer Landstraße,1,200,all,01326,43,
Dohnaer Straße,1,160,all,01219,76,
Dresdner Straße,1,60,all,01156,90,Cossebaude
Weixdorfer Straße,1,40,all,01108,35,
Hauptstraße,1,30,all,01465,36,Langebrück
`;

export async function seedDemoStreetDirectory(deps: Pick<Deps, 'db'>): Promise<number> {
  const result = await importStreetDirectory({ db: deps.db, now: () => new Date() }, systemActor, { csv: DEMO_STREETS_CSV });
  if (result.rejected.length) throw new Error(`demo streets: lines rejected ${JSON.stringify(result.rejected)}`);
  return result.entries;
}
