import { newsComments, newsPosts, newsSheets } from '../../db/schema';
import type { Audience } from '../../db/queries/audience';
import { injectAs, type TestContext, type TestUser } from './app';
import { audienceOf, EVERYONE } from './audience';

/**
 * Fixtures of news participation tests, written straight to the tables (the
 * posts' own api is news-server's): a live post for an audience, a sheet of
 * an establishment, a comment.
 */

export const STAFF = audienceOf('staff');
export const partnersOf = (categories: string[], subcategories: string[] = []) => audienceOf('partners', { categories, subcategories });

/** An experience sheet as a partner submits it: the four parts of the form and one figure. */
export const SHEET_BODY = {
  title: 'Un été sans voiture',
  context: 'Nos clients arrivent en train à Ganges et nous demandaient comment circuler.',
  actions: 'Prêt de vélos électriques et navette vers le marché le mardi.',
  result: 'Séjours plus longs et meilleurs avis.',
  figures: [{ label: 'Durée moyenne du séjour', value: '+1,5 nuit' }],
};

export async function createLivePost(ctx: Pick<TestContext, 'db'>, p: { title?: string; audience?: Audience; authorId?: string | null } = {}) {
  const a = p.audience ?? EVERYONE;
  const [row] = await ctx.db.insert(newsPosts).values({
    title: p.title ?? 'Salon du tourisme de Montpellier', summary: 'Le réseau y tient un stand.', bodyHtml: '<p>Venez nombreux.</p>',
    categoryId: 'vie-du-reseau', status: 'published', publishAt: new Date(Date.now() - 60_000), authorId: p.authorId ?? null,
    audienceKind: a.kind, audienceCategories: a.categories, audienceSubcategories: a.subcategories,
    audienceCommunes: a.communes, audienceCommunautes: a.communautes, audienceOffices: a.offices,
  }).returning({ id: newsPosts.id });
  return row!.id;
}

export async function createSheetRow(ctx: Pick<TestContext, 'db'>, p: { establishmentId: string; authorId?: string | null; status?: 'submitted' | 'returned' | 'declined' | 'published'; title?: string }) {
  const [row] = await ctx.db.insert(newsSheets).values({
    establishmentId: p.establishmentId, authorId: p.authorId ?? null, title: p.title ?? 'Petit-déjeuner local',
    context: 'Clientèle de randonneurs.', actions: 'Produits du marché du Vigan.', result: 'Avis en hausse.',
    status: p.status ?? 'submitted', ...(p.status === 'published' ? { publishedAt: new Date() } : {}),
  }).returning({ id: newsSheets.id });
  return row!.id;
}

export async function createCommentRow(ctx: Pick<TestContext, 'db'>, p: { postId?: string; sheetId?: string; authorId: string; body?: string; createdAt?: Date }) {
  const [row] = await ctx.db.insert(newsComments).values({
    postId: p.postId ?? null, sheetId: p.sheetId ?? null, authorId: p.authorId, body: p.body ?? 'Merci pour l’information.', ...(p.createdAt ? { createdAt: p.createdAt } : {}),
  }).returning({ id: newsComments.id });
  return row!.id;
}

/** A post written through the api by `staff` (published for everyone unless `body` says otherwise); returns its id. */
export async function postThroughApi(ctx: TestContext, staff: TestUser, body: Record<string, unknown>): Promise<string> {
  const res = await (await injectAs(ctx, staff))({
    method: 'POST', url: '/api/news/posts',
    payload: { summary: 'Résumé', bodyHtml: '<p>Texte</p>', categoryId: 'vie-du-reseau', audience: EVERYONE, status: 'published', ...body },
  });
  if (res.statusCode !== 201) throw new Error(`post refused: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
