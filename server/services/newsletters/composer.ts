import type { FastifyInstance } from 'fastify';
import {
  duplicateCampaign, fieldsOfUser, getArchived, getCampaign, listArchive, scheduleCampaign, setArchived,
} from '../../../db/queries/newsletters';
import { loadAudienceViewer } from '../../../db/queries/audience';
import { queueMail } from '../../../db/queries/mail';
import { enqueueEffects } from '../../../workers/jobs';
import { fillBodyFields, renderNewsletter, personalise } from '../../../emails/templates/newsletters/newsletter';
import { firstNameOf } from '../../../emails/templates/newsletters/fields';
import { preferencesUrl } from '../../../emails/templates/newsletters/links';
import type { Locale } from '../../../emails/templates/layout';
import type { Principal } from '../../plugins/auth';
import { loaded } from './checks';
import { campaignDto } from './campaigns';
import { assertChecksPass } from './checks';
import { orRefuse, refusal } from './refusals';

/**
 * The preview: the mail as a recipient gets it, the author's own first name
 * and establishment in the personal fields (their fallbacks when absent),
 * the unsubscribe link pointing nowhere (`#`). HTML for the desktop and phone
 * frames (an iframe with srcdoc, sandboxed), and the plain-text part.
 */
export async function previewOf(app: FastifyInstance, id: string, userId: string, locale: Locale) {
  const { c, topic } = await loaded(app, id);
  const me = await fieldsOfUser(app.db, userId);
  const rendered = await renderNewsletter({
    subject: c.subject, preheader: c.preheader, bodyHtml: c.bodyHtml, topicName: topic[locale], homeUrl: app.config.PUBLIC_URL, preferencesUrl: preferencesUrl(app.config, locale),
  }, locale);
  const out = personalise(rendered, '#', { prenom: firstNameOf(me?.name), etablissement: me?.establishment });
  return { subject: c.subject, html: out.html, text: out.text };
}

/**
 * A test send to the author, through the mail outbox and the mail worker
 * (template newsletter-test: subject marked [TEST], the current content,
 * the author's fields). Not deduplicated: each click is a new test.
 */
export async function sendTest(app: FastifyInstance, id: string, userId: string) {
  await loaded(app, id);
  const me = await fieldsOfUser(app.db, userId);
  if (!me) throw refusal('notFound');
  const mailId = await queueMail(app.db, { template: 'newsletter-test', userId, toAddress: me.email, language: me.language, params: { campaignId: id } });
  await enqueueEffects(app.queues, { mailIds: mailId ? [mailId] : [] }, (err) => app.log.warn({ err, campaignId: id }, 'newsletter test mail not enqueued; the mail sweeper will'));
  return { to: me.email };
}

const COPY_SUFFIX: Record<Locale, string> = { fr: ' (copie)', en: ' (copy)' };

export async function duplicate(app: FastifyInstance, id: string, userId: string, locale: Locale) {
  const source = await getCampaign(app.db, id);
  if (!source) throw refusal('notFound');
  const out = orRefuse(await duplicateCampaign(app.db, id, `${source.subject}${COPY_SUFFIX[locale]}`.slice(0, 200), userId));
  return campaignDto(app, out.id);
}

/**
 * Schedule (at a future time; the checks must pass, as for a launch), move,
 * or take back to a draft (`at` null). « Reprogrammer » a missed campaign is
 * this with a new time.
 */
export async function schedule(app: FastifyInstance, id: string, at: string | null) {
  if (at !== null) {
    if (Date.parse(at) <= Date.now()) throw refusal('scheduleInPast');
    if (!(await getCampaign(app.db, id))) throw refusal('notFound');
    await assertChecksPass(app, id);
  }
  orRefuse(await scheduleCampaign(app.db, id, at === null ? null : new Date(at)));
  return campaignDto(app, id);
}

export async function archive(app: FastifyInstance, id: string, archived: boolean) {
  orRefuse(await setArchived(app.db, id, archived));
  return campaignDto(app, id);
}

const viewer = (app: FastifyInstance, p: Principal) => loadAudienceViewer(app.db, { role: p.role, establishmentId: p.establishmentId });

export async function archivePage(app: FastifyInstance, principal: Principal, query: { page?: number; pageSize?: number }) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const { items, total } = await listArchive(app.db, await viewer(app, principal), { page, pageSize });
  return {
    items: items.map((r) => ({ id: r.id, subject: r.subject, preheader: r.preheader, topicName: { fr: r.topicNameFr, en: r.topicNameEn }, finishedAt: r.finishedAt!.toISOString() })),
    total, page, pageSize,
  };
}

/** A letter of the archive: rendered without the unsubscribe and preferences links, personal fields at their fallbacks (a page shared by all). */
export async function archivedLetter(app: FastifyInstance, principal: Principal, id: string, locale: Locale) {
  const r = await getArchived(app.db, await viewer(app, principal), id);
  if (!r) throw refusal('archiveNotFound');
  const topicName = locale === 'en' ? r.topicNameEn : r.topicNameFr;
  const rendered = await renderNewsletter({
    subject: r.subject, preheader: r.preheader, bodyHtml: fillBodyFields(r.bodyHtml, {}), topicName, homeUrl: app.config.PUBLIC_URL, preferencesUrl: '', archive: true,
  }, locale);
  return { id: r.id, subject: r.subject, topicName: { fr: r.topicNameFr, en: r.topicNameEn }, finishedAt: r.finishedAt!.toISOString(), html: rendered.html, text: rendered.text };
}
