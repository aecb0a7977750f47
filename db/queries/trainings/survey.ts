import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { trainingRegistrations, trainingSessions, trainingSurveyResponses } from '../../schema';
import { firstOrNull } from '../rows';

// ---------- survey ----------

export async function surveySummary(db: Database, sessionId: string) {
  const [[sent], responses] = await Promise.all([
    db
      .select({ value: count() })
      .from(trainingRegistrations)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
      .where(and(
        eq(trainingRegistrations.sessionId, sessionId), eq(trainingRegistrations.status, 'confirmed'),
        sql`${trainingSessions.surveySentAt} is not null`, sql`${trainingRegistrations.attendance} is distinct from 'absent'`,
      )),
    db
      .select({ rating: trainingSurveyResponses.rating, comment: trainingSurveyResponses.comment, createdAt: trainingSurveyResponses.createdAt })
      .from(trainingSurveyResponses)
      .where(eq(trainingSurveyResponses.sessionId, sessionId))
      .orderBy(desc(trainingSurveyResponses.createdAt)),
  ]);
  const distribution = [0, 0, 0, 0, 0];
  for (const r of responses) distribution[r.rating - 1]! += 1;
  const average = responses.length ? Math.round((responses.reduce((a, r) => a + r.rating, 0) / responses.length) * 100) / 100 : null;
  return {
    sent: sent?.value ?? 0,
    responses: responses.length,
    average,
    distribution,
    comments: responses.filter((r) => r.comment && r.comment.trim()).map((r) => ({ rating: r.rating, comment: r.comment!, createdAt: r.createdAt })),
  };
}

// ---------- survey answers ----------

export async function getSurveyTarget(db: Database, registrationId: string) {
  return firstOrNull(db
    .select({
      registrationId: trainingRegistrations.id, sessionId: trainingRegistrations.sessionId, status: trainingRegistrations.status,
      surveySentAt: trainingSessions.surveySentAt, answered: sql<boolean>`exists (select 1 from training_survey_responses a where a.registration_id = "training_registrations"."id")`,
    })
    .from(trainingRegistrations)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRegistrations.sessionId))
    .where(eq(trainingRegistrations.id, registrationId)));
}

/** One answer per registration (the primary key makes a second one fail). */
export async function saveSurveyAnswer(
  db: Database,
  input: { registrationId: string; sessionId: string; rating: number; comment: string | null },
): Promise<{ ok: true } | { ok: false; reason: 'surveyAnswered' }> {
  const rows = await db
    .insert(trainingSurveyResponses)
    .values(input)
    .onConflictDoNothing({ target: trainingSurveyResponses.registrationId })
    .returning({ id: trainingSurveyResponses.registrationId });
  return rows.length === 1 ? { ok: true } : { ok: false, reason: 'surveyAnswered' };
}
