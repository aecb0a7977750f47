import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../client';
import { communes, establishments, figuresMonthly, figuresReminderSends, users } from '../../schema';
import { FIGURES_CATEGORIES } from '../../../common/figures';
import { queueMail } from '../mail';
import { monthDate } from './monthly';

/** A user accepts the reminder unless they turned « Chiffres du mois » off (accounts saved before the preference count as on). */
const acceptsFigures = sql`coalesce((${users.emailPreferences}->>'figures')::boolean, true)`;

/**
 * The reminder for `month`: one mail per establishment that gives figures,
 * has not given that month's, and was not reminded yet. Each establishment
 * is one transaction whose first step inserts its row of
 * figures_reminder_sends (primary key establishment + month): a second run,
 * or a run at the same time, inserts nothing and sends nothing. The mail goes
 * to the establishment's oldest active partner who accepts it; with none, the
 * row is kept with no mail (the establishment is not asked again). Returns
 * the mail ids to send.
 */
export async function queueFiguresReminders(db: Database, month: string, limit = 5_000): Promise<string[]> {
  const day = monthDate(month);
  const due = await db
    .select({ id: establishments.id })
    .from(establishments)
    .leftJoin(figuresMonthly, and(eq(figuresMonthly.establishmentId, establishments.id), eq(figuresMonthly.month, day)))
    .leftJoin(figuresReminderSends, and(eq(figuresReminderSends.establishmentId, establishments.id), eq(figuresReminderSends.month, day)))
    .where(and(
      eq(establishments.status, 'active'), inArray(establishments.category, FIGURES_CATEGORIES),
      isNull(figuresMonthly.month), isNull(figuresReminderSends.month),
    ))
    .orderBy(asc(establishments.id))
    .limit(limit);
  const mailIds: string[] = [];
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [claimed] = await tx.insert(figuresReminderSends).values({ establishmentId: id, month: day }).onConflictDoNothing().returning({ id: figuresReminderSends.establishmentId });
      if (!claimed) return;
      const [to] = await tx
        .select({ id: users.id, email: users.email, language: users.language })
        .from(users)
        .where(and(eq(users.establishmentId, id), eq(users.role, 'partner'), eq(users.status, 'active'), isNull(users.erasedAt), acceptsFigures))
        .orderBy(asc(users.createdAt), asc(users.id))
        .limit(1);
      if (!to) return;
      const mailId = await queueMail(tx, {
        template: 'figures-reminder', userId: to.id, toAddress: to.email, language: to.language,
        params: { establishmentId: id, month }, dedupeKey: `figures-reminder:${id}:${month}`,
      });
      if (mailId) {
        mailIds.push(mailId);
        await tx.update(figuresReminderSends).set({ mailId }).where(and(eq(figuresReminderSends.establishmentId, id), eq(figuresReminderSends.month, day)));
      }
    });
  }
  return mailIds;
}

/** What the reminder shows, or null when it became pointless (figures given meanwhile, establishment gone, preference turned off). */
export async function reminderForMail(db: Database, establishmentId: string, month: string, userId: string) {
  const [row] = await db
    .select({
      name: users.name, establishmentName: establishments.name, accepts: sql<boolean>`${acceptsFigures}`,
      given: sql<boolean>`exists (select 1 from figures_monthly f where f.establishment_id = ${establishments.id} and f.month = ${monthDate(month)})`,
    })
    .from(users)
    .innerJoin(establishments, eq(establishments.id, users.establishmentId))
    .where(and(eq(users.id, userId), eq(establishments.id, establishmentId), eq(users.status, 'active')));
  if (!row || row.given || !row.accepts) return null;
  return row;
}

/** The establishments that give figures, with whether each gave `month`'s and when it was reminded (staff's list). */
export async function listSubmissions(db: Database, p: { month: string; status: 'all' | 'submitted' | 'missing'; category?: string; communauteId?: string }) {
  const day = monthDate(p.month);
  return db
    .select({
      id: establishments.id, name: establishments.name, category: establishments.category, communeName: communes.name, communauteId: communes.communauteId,
      submittedAt: figuresMonthly.updatedAt, remindedAt: figuresReminderSends.createdAt,
    })
    .from(establishments)
    .innerJoin(communes, eq(communes.inseeCode, establishments.communeInsee))
    .leftJoin(figuresMonthly, and(eq(figuresMonthly.establishmentId, establishments.id), eq(figuresMonthly.month, day)))
    .leftJoin(figuresReminderSends, and(eq(figuresReminderSends.establishmentId, establishments.id), eq(figuresReminderSends.month, day)))
    .where(and(
      eq(establishments.status, 'active'), inArray(establishments.category, FIGURES_CATEGORIES),
      p.category ? eq(establishments.category, p.category) : undefined,
      p.communauteId ? eq(communes.communauteId, p.communauteId) : undefined,
      p.status === 'submitted' ? sql`${figuresMonthly.month} is not null` : p.status === 'missing' ? isNull(figuresMonthly.month) : undefined,
    ))
    .orderBy(sql`lower(${establishments.name})`, asc(establishments.id));
}
