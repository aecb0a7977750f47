import { isoWeek } from '../../../common/news';
import { NEWS_DIGEST_CRON, SCHEDULE_EVERY_MS } from '../../../common/limits';
import { duePublications, fanOutImportant, queueDigests } from '../../../db/queries/news/mail';
import { defineWorkerFeature } from '../../feature';
import { enqueueEffects, requeue, type JobHandler } from '../../jobs';
import { newsComposers } from './mail';

/** A post's publication time came: mail it if important (once: fanOutImportant stamps the post). Run twice, it queues nothing more. */
export const publishNews: JobHandler<'news.publish'> = async (payload, ctx) => {
  const mailIds = await fanOutImportant(ctx.db, payload.postId);
  await enqueueEffects(ctx.queues, { mailIds });
  return { queued: mailIds.length };
};

/** Safety net: important posts due whose publication job was lost. */
export const sweepNews: JobHandler<'news.sweep'> = async (_payload, ctx) => {
  let requeued = 0;
  for (const p of await duePublications(ctx.db)) if (await requeue(ctx.queues, 'news.publish', p)) requeued++;
  return { requeued };
};

/** The weekly digest of the current ISO week: one mail per person per week (news_digest_sends), whatever the number of runs. */
export const sendNewsDigest: JobHandler<'news.digest'> = async (_payload, ctx) => {
  const mailIds = await queueDigests(ctx.db, isoWeek(new Date()));
  await enqueueEffects(ctx.queues, { mailIds });
  return { queued: mailIds.length };
};

/** Network news in the worker process: important-post mail at publication, its sweeper, the weekly digest. */
export const news = defineWorkerFeature({
  name: 'news',
  jobs: { 'news.publish': publishNews, 'news.sweep': sweepNews, 'news.digest': sendNewsDigest },
  schedules: [
    { job: 'news.sweep', every: SCHEDULE_EVERY_MS.newsSweep },
    { job: 'news.digest', ...NEWS_DIGEST_CRON },
  ],
  mail: newsComposers,
  attachments: {},
});
