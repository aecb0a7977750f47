import { and, arrayOverlaps, inArray, or, sql, type SQL } from 'drizzle-orm';
import { communes, establishments, trainingRegistrations, trainingSessions, trainings } from '../../schema';
import { officesOfCommunaute } from '../audience';
import { addMonths, currentMonth, FIGURES_CATEGORIES } from '../../../common/figures';
import { normalisedFilter, type SegmentFilter } from '../../../common/newsletter-segments';

/**
 * THE segment rule, as one SQL condition built with drizzle from the typed
 * filter (every value a bound parameter, never concatenated). It reads the
 * row of a recipients query (db/queries/newsletters/campaigns.ts
 * `topicRecipients`): the subscription `s`, its person `u` (null for an
 * establishment's contact address), and the establishment (the person's, or
 * the one whose contact address it is) joined as `establishments` with its
 * commune as `communes`.
 *
 * `now` fixes "last month" (Europe/Paris) for the figures filter.
 */
export function segmentMatches(input: SegmentFilter, now: Date = new Date()): SQL {
  const f = normalisedFilter(input);
  const e = establishments;
  const person = sql`s.user_id is not null`;
  const people = {
    everyone: sql`(u.role in ('staff', 'admin') or ${e.id} is not null)`,
    partners: sql`(${e.id} is not null and (not ${person} or u.role = 'partner'))`,
    staff: sql`(${person} and u.role in ('staff', 'admin'))`,
  }[f.people];
  const parts: (SQL | undefined)[] = [people];

  // What it is, where it is: as the shared audience rule (each OR within, AND between).
  if (f.categories.length || f.subcategories.length) {
    parts.push(or(f.categories.length ? inArray(e.category, f.categories) : undefined, f.subcategories.length ? inArray(e.subcategory, f.subcategories) : undefined));
  }
  if (f.communes.length || f.communautes.length || f.offices.length) {
    parts.push(or(
      f.communes.length ? inArray(e.communeInsee, f.communes) : undefined,
      f.communautes.length ? inArray(communes.communauteId, f.communautes) : undefined,
      f.offices.length ? sql`${officesOfCommunaute(communes.communauteId)} && ${sql.param(f.offices, e.labels)}::text[]` : undefined,
    ));
  }
  if (f.labels.length) parts.push(arrayOverlaps(e.labels, f.labels));
  if (f.membershipYears.length) parts.push(inArray(e.membershipYear, f.membershipYears));
  if (f.figuresMissingLastMonth) {
    const lastMonth = `${addMonths(currentMonth(now), -1)}-01`;
    parts.push(and(
      inArray(e.category, FIGURES_CATEGORIES),
      sql`not exists (select 1 from figures_monthly fm where fm.establishment_id = ${e.id} and fm.month = ${lastMonth}::date)`,
    ));
  }
  if (f.languages.length) parts.push(sql`coalesce(u.language, 'fr'::language) in (${sql.join(f.languages.map((l) => sql`${l}::language`), sql`, `)})`);
  if (f.training) parts.push(trainingMatches(f.training));
  return and(...parts) ?? sql`true`;
}

/**
 * Registered for (a confirmed seat in a session not cancelled) or present at
 * a session of a training of the themes, starting between the two days
 * (Europe/Paris, inclusive). A person matches by their own registrations;
 * an establishment's contact address by the registrations made for it.
 */
function trainingMatches(t: NonNullable<SegmentFilter['training']>): SQL {
  const r = trainingRegistrations;
  const ts = trainingSessions;
  const who = sql`case when s.user_id is null then ${r.establishmentId} = ${establishments.id} else ${r.userId} = u.id end`;
  const how = t.mode === 'attended' ? sql`${r.attendance} = 'present'` : sql`${r.status} = 'confirmed' and ${ts.status} <> 'cancelled'`;
  const conditions = [
    who, how,
    t.themes.length ? inArray(trainings.theme, t.themes) : undefined,
    t.from ? sql`${ts.startsAt} >= (${t.from}::date)::timestamp at time zone 'Europe/Paris'` : undefined,
    t.to ? sql`${ts.startsAt} < (${t.to}::date + 1)::timestamp at time zone 'Europe/Paris'` : undefined,
  ];
  return sql`exists (select 1 from ${r} join ${ts} on ${ts.id} = ${r.sessionId} join ${trainings} on ${trainings.id} = ${ts.trainingId} where ${and(...conditions)})`;
}
