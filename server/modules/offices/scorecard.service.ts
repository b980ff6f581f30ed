import type { Tx } from '#server/db.ts';
import type { Deps } from '#server/deps.ts';
import { authorize } from '#server/platform/authorize.ts';
import { notFound } from '#server/platform/problem.ts';
import type { Actor } from '#server/modules/identity/identity.public.ts';
import { berlinDate } from '#server/time.ts';
import { toA11yJson } from './a11y.ts';
import { centralityOf } from './centrality.ts';
import { evidencePhotosOf } from './evidence.service.ts';
import { weekSummary } from './hours.ts';
import * as gq from './gtfs.queries.ts';
import type { LoadedOffice } from './offices.service.ts';
import { loadOffice } from './offices.service.ts';
import { scoreOffice, type AppointmentLeadTime, type Criterion } from './scorecard.ts';
import { nearestStops, type NearbyStop } from './transit.ts';

/**
 * Where the appointment lead time comes from: the appointments module's measurement, passed in as
 * `deps.leadTimes` (composed in server/app.ts). Its own transaction, so it runs before the caller's.
 * Without it (a use case called outside the app) the criterion is "unknown".
 */
export type LeadTimeSource = (officeId: string) => Promise<AppointmentLeadTime | null>;

export async function leadTimeOf(deps: Pick<Deps, 'leadTimes'>, officeId: string): Promise<AppointmentLeadTime | null> {
  return deps.leadTimes ? deps.leadTimes(officeId) : null;
}

export async function scorecardFor(tx: Tx, o: LoadedOffice, stops: NearbyStop[], at: string, appointments: AppointmentLeadTime | null): Promise<Criterion[]> {
  const nearest = stops[0];
  return scoreOffice({
    nearestStop: nearest ? { name: nearest.name, walkingMinutes: nearest.walkingMinutes, departuresPerHour: nearest.departuresPerHour } : null,
    stopsImported: (await gq.stopCount(tx)) > 0,
    accessibility: o.accessibility,
    assessment: o.assessment,
    week: weekSummary({ hours: o.hours, exceptions: [] }, at),
    appointments,
    centrality: await centralityOf(tx, { lat: o.row.lat, lon: o.row.lon }, o.row.regionId, at),
  });
}

/** The full scorecard with evidence: for staff. */
export async function getScorecard(deps: Deps, actor: Actor, id: string) {
  authorize(actor, 'office.read-scorecard');
  const at = berlinDate(deps.now());
  const appointments = await leadTimeOf(deps, id);
  return deps.db.transaction({ kind: 'public' }, async (tx) => {
    const o = await loadOffice(tx, id);
    if (!o) throw notFound();
    const hoursToday = o.hours.filter((h) => (!h.validFrom || h.validFrom <= at) && (!h.validTo || h.validTo > at));
    const stops = await nearestStops(tx, { lat: o.row.lat, lon: o.row.lon }, hoursToday);
    const photos = await evidencePhotosOf(tx, id);
    const criteria = (await scorecardFor(tx, o, stops, at, appointments)).map((c) =>
      c.criterion === 'footpaths' || c.criterion === 'signage' || c.criterion === 'position' ? { ...c, photos: photos.filter((p) => p.criterion === c.criterion) } : c,
    );
    return { officeId: id, at, criteria };
  });
}

/** The office's accessibility as A11yJSON (public). */
export async function a11yExport(deps: Deps, _actor: Actor, id: string): Promise<Record<string, unknown>> {
  return deps.db.transaction({ kind: 'public' }, async (tx) => {
    const o = await loadOffice(tx, id);
    if (!o) throw notFound();
    const r = o.row;
    return toA11yJson({ id: r.id, name: r.name, street: r.street, houseNumber: r.houseNumber, postcode: r.postcode, city: r.city, lat: r.lat, lon: r.lon, phone: r.phone, email: r.email, web: r.web, accessibility: o.accessibility });
  });
}
