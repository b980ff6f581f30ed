import { randomUUID } from 'node:crypto';
import type { Tx } from '#server/db.ts';
import type { KeyRing } from '#server/keyring.ts';
import { sensitiveAreas } from '#server/modules/catalog/catalog.public.ts';
import { berlinDate } from '#server/time.ts';
import { statisticPeriod } from './case-work.policy.ts';
import * as w from './case-work.queries.ts';
import { addDays, inBasicWindow } from './plans.policy.ts';
import * as p from './plans.queries.ts';
import { goalColumns } from './plans.service.ts';

/**
 * Demo support plans (fictional): for each provider the first households' case files are assigned
 * to the region's demo social worker (where there is one), and three of them get a plan whose goals
 * and reviews fall due around today — so the worklist shows overdue and due goals and reviews.
 */

type Responsible = 'head' | 'spouse' | 'worker' | string;
interface GoalTemplate { area: string; title: string; steps: string[]; responsible: Responsible; dueIn: number; sensitive?: boolean }

const PLANS: readonly { reviewIn: number; goals: readonly GoalTemplate[] }[] = [
  {
    reviewIn: 5,
    goals: [
      { area: 'language', title: 'Deutschkurs B1 abschließen', steps: ['Anmeldung an der Volkshochschule', 'Prüfungstermin vereinbaren'], responsible: 'head', dueIn: 10 },
      { area: 'material', title: 'Antrag auf Wohngeld stellen', steps: ['Mietbescheinigung vom Vermieter holen', 'Antrag abgeben'], responsible: 'Wohngeldstelle', dueIn: -6 },
      { area: 'health', title: 'Kinderarzt für die Kinder finden', steps: ['Praxen in der Nähe anfragen'], responsible: 'spouse', dueIn: 3 },
    ],
  },
  {
    reviewIn: 40,
    goals: [
      { area: 'work', title: 'Anerkennung des Berufsabschlusses beantragen', steps: ['Zeugnisse übersetzen lassen', 'Beratung bei der IQ-Anlaufstelle'], responsible: 'worker', dueIn: 20 },
      { area: 'housing', title: 'Eigene Wohnung finden', steps: ['WBS beantragen', 'Bei Wohnungsgenossenschaften melden'], responsible: 'Sozialamt, Wohnungsnotfallhilfe', dueIn: 75 },
      { area: 'social', title: 'Sportverein für die Kinder finden', steps: ['Probetraining vereinbaren'], responsible: 'head', dueIn: -20 },
    ],
  },
  {
    reviewIn: -3,
    goals: [
      { area: 'work', title: 'Bewerbung für eine Ausbildung als Pflegehelfer·in', steps: ['Lebenslauf schreiben', 'Termin bei der Berufsberatung der Arbeitsagentur'], responsible: 'Jobcenter', dueIn: -2 },
      { area: 'values', title: 'Mülltrennung und Hausordnung mit den Nachbarn klären', steps: ['Treffen mit der Hausverwaltung'], responsible: 'worker', dueIn: 12, sensitive: true },
    ],
  },
];

export async function seedDemoPlans(tx: Tx, keys: KeyRing, now: Date, providers: readonly { organisationId: string; regionCode: string; socialWorkerId: string | null }[]): Promise<number> {
  const today = berlinDate(now);
  const sensitive = await sensitiveAreas(tx);
  let plans = 0;
  for (const provider of providers) {
    const files = await p.demoCaseFilesOf(tx, provider.organisationId);
    if (provider.socialWorkerId) {
      for (const f of files.slice(0, 6)) await p.insertAssignment(tx, { caseFileId: f.id, accountId: provider.socialWorkerId, organisationId: provider.organisationId, assignedAt: now });
    }
    for (const [i, template] of PLANS.entries()) {
      const file = files[i];
      if (!file) continue;
      const head = file.people.find((x) => x.relationship === 'head') ?? file.people[0];
      const spouse = file.people.find((x) => x.relationship === 'spouse') ?? head;
      const plan = await p.insertPlan(tx, { organisationId: provider.organisationId, householdId: file.householdId, caseFileId: file.id, reviewOn: addDays(today, template.reviewIn), createdBy: provider.socialWorkerId, updatedBy: provider.socialWorkerId, createdAt: now, updatedAt: now });
      if (!plan) continue;
      plans += 1;
      for (const [position, g] of template.goals.entries()) {
        const who = g.responsible === 'head' ? head : g.responsible === 'spouse' ? spouse : undefined;
        const byWorker = g.responsible === 'worker' && provider.socialWorkerId;
        const responsible = who
          ? { responsibleKind: 'person' as const, responsiblePersonId: who.id, responsibleAccountId: null, responsibleText: '' }
          : byWorker
            ? { responsibleKind: 'account' as const, responsiblePersonId: null, responsibleAccountId: provider.socialWorkerId, responsibleText: '' }
            : { responsibleKind: 'other' as const, responsiblePersonId: null, responsibleAccountId: null, responsibleText: g.responsible === 'worker' ? 'Migrationssozialarbeit' : g.responsible };
        const id = randomUUID();
        const input = { areaCode: g.area, title: g.title, steps: g.steps.map((text, k) => ({ text, done: k === 0 && g.dueIn < 0 })), ...responsible, dueOn: addDays(today, g.dueIn), sensitive: g.sensitive ?? false };
        await p.insertGoal(tx, { ...goalColumns(keys, sensitive, id, input, position), id, organisationId: provider.organisationId, planId: plan.id, householdId: file.householdId, createdAt: now, updatedAt: now });
      }
    }
    // One goal reviewed last month (achieved), with its anonymous statistics row (decision 0014).
    const reviewed = files[PLANS.length];
    if (reviewed) {
      const plan = await p.insertPlan(tx, { organisationId: provider.organisationId, householdId: reviewed.householdId, caseFileId: reviewed.id, reviewOn: addDays(today, 120), lastReviewedOn: addDays(today, -30), createdAt: now, updatedAt: now });
      if (plan) {
        const id = randomUUID();
        const input = { areaCode: 'language', title: 'Anmeldung zum Integrationskurs', steps: [{ text: 'Berechtigungsschein beim BAMF', done: true }], responsibleKind: 'other' as const, responsiblePersonId: null, responsibleAccountId: null, responsibleText: 'Integrationskursträger', dueOn: addDays(today, -35), sensitive: false };
        await p.insertGoal(tx, { ...goalColumns(keys, sensitive, id, input, 0), id, organisationId: provider.organisationId, planId: plan.id, householdId: reviewed.householdId, status: 'achieved', reviewedOn: addDays(today, -30), reviewNote: 'Kurs beginnt im nächsten Monat', createdAt: now, updatedAt: now });
        await w.insertStatistic(tx, { organisationId: provider.organisationId, source: 'plan_review', ...statisticPeriod(addDays(today, -30)), blockCode: inBasicWindow(reviewed.people.map((x) => x.assignedOn), addDays(today, -30)) ? 'basic' : 'open_consultation', areaCode: 'language', regionCode: provider.regionCode, outcome: 'achieved', countedPersons: reviewed.people.length });
        plans += 1;
      }
    }
  }
  return plans;
}
