import { beforeAll, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { mailMessages, newsDigestSends, newsPreferences } from '../../db/schema';
import { publishNews, sendNewsDigest } from '../../workers/handlers/news';
import { createEstablishment, createUser, injectAs, type TestUser } from '../helpers/app';
import { useWorkerApp } from '../helpers/worker-app';
import { EVERYONE } from '../helpers/audience';

/** The weekly digest run twice sends once per person; an important post's mail honours each person's choice. */

const app = useWorkerApp({ info: () => {}, warn: () => {}, error: console.error });
let staff: TestUser;
let reader: TestUser;
let weekly: TestUser;

beforeAll(async () => {
  const { ctx } = app;
  staff = await createUser(ctx, 'staff');
  const e = await createEstablishment(ctx);
  reader = await createUser(ctx, 'partner', { establishmentId: e.id });
  weekly = await createUser(ctx, 'partner', { establishmentId: e.id });
  await ctx.db.insert(newsPreferences).values({ userId: weekly.id, frequency: 'weekly' });
});

it('the digest job run twice queues one mail per person for the week; an important post mails only immediate readers, once', async () => {
  const { ctx, wctx } = app;
  const res = await (await injectAs(ctx, staff))({
    method: 'POST', url: '/api/news/posts',
    payload: { title: 'Important : taxe de séjour', summary: 'Calendrier', bodyHtml: '<p>x</p>', categoryId: 'reglementation', audience: EVERYONE, status: 'published', important: true },
  });
  expect(res.statusCode).toBe(201);
  const postId = res.json().id;
  const publishAt = new Date().toISOString();
  await publishNews({ postId, publishAt }, wctx, undefined as never);
  await publishNews({ postId, publishAt }, wctx, undefined as never);
  const important = await ctx.db.select({ userId: mailMessages.userId }).from(mailMessages).where(like(mailMessages.dedupeKey, `news-important:${postId}:%`));
  expect(important.map((m) => m.userId)).toContain(reader.id);
  expect(important.map((m) => m.userId)).not.toContain(weekly.id);
  expect(important.filter((m) => m.userId === reader.id)).toHaveLength(1);

  await sendNewsDigest({}, wctx, undefined as never);
  await sendNewsDigest({}, wctx, undefined as never);
  for (const user of [reader, weekly]) {
    const digests = await ctx.db.select().from(mailMessages).where(and(eq(mailMessages.userId, user.id), eq(mailMessages.template, 'news-digest')));
    expect(digests).toHaveLength(1);
    expect(await ctx.db.$count(newsDigestSends, eq(newsDigestSends.userId, user.id))).toBe(1);
  }
});
