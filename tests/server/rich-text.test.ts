import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, createUser, injectAs, type Injector, type TestContext } from '../helpers/app';
import { bodyRoutes, richTextFields } from '../helpers/api-routes';
import { EVERYONE } from '../helpers/audience';

/**
 * Rich text is sanitised on the server before it is stored, on every path
 * that writes it: creation AND every edit. One table, one row per
 * (route, rich-text field); the first test fails when a body schema of the
 * api has a rich-text field (named `…Html`) that the table does not cover.
 */

let ctx: TestContext;
let asStaff: Injector;
let asAdmin: Injector;

beforeAll(async () => {
  ctx = await createTestApp();
  asStaff = await injectAs(ctx, await createUser(ctx, 'staff'));
  asAdmin = await injectAs(ctx, await createUser(ctx, 'admin'));
});
afterAll(async () => ctx?.close());

interface RichTextPath {
  /** "METHOD /route" as registered, and the body field holding HTML. */
  route: string;
  field: string;
  /** Sends `html` through the route; returns the answer and the id of the object written. */
  write(html: string): Promise<{ res: LightMyRequestResponse; id: string }>;
  /** The value as stored in the database (raw SQL). */
  stored(id: string): Promise<string>;
  /** The value as the api reads it back. */
  read(id: string): Promise<string>;
}

const storedTrainingDescription = async (id: string) => {
  const rows = (await ctx.db.execute(sql`select description_html from trainings where id = ${id}`)) as unknown as { description_html: string }[];
  return rows[0]!.description_html;
};
const readTrainingDescription = async (id: string) => (await asStaff({ method: 'GET', url: `/api/trainings/${id}` })).json().descriptionHtml as string;

const storedColumn = (table: string) => async (id: string) => {
  const rows = (await ctx.db.execute(sql`select body_html from ${sql.identifier(table)} where id = ${id}`)) as unknown as { body_html: string }[];
  return rows[0]!.body_html;
};
const newsPost = (bodyHtml: string) => ({ title: 'Actualité', summary: '', bodyHtml, categoryId: 'vie-du-reseau', audience: EVERYONE, status: 'draft' });
const readNewsPost = async (id: string) => (await asStaff({ method: 'GET', url: `/api/news/posts/${id}` })).json().bodyHtml as string;
const campaign = (bodyHtml: string) => ({ subject: 'Lettre du réseau', preheader: '', sender: ctx.config.MAIL_FROM, bodyHtml, topicId: 'lettre-du-reseau', audience: EVERYONE });
const readCampaign = async (id: string) => (await asAdmin({ method: 'GET', url: `/api/newsletters/campaigns/${id}` })).json().bodyHtml as string;

/**
 * The two paths that write one object's rich text: its creation (POST url) and
 * its edit (PATCH or PUT url/:id, on an object first created with harmless text).
 */
function createdAndEdited(spec: {
  url: string; field: string; as: () => Injector;
  create: (html: string) => object; edit: { method: 'PATCH' | 'PUT'; payload: (html: string) => object };
  stored: RichTextPath['stored']; read: RichTextPath['read'];
}): RichTextPath[] {
  const { url, field, as, stored, read } = spec;
  const create = (html: string) => as()({ method: 'POST', url, payload: spec.create(html) });
  return [
    {
      route: `POST ${url}`, field, stored, read,
      async write(html) {
        const res = await create(html);
        return { res, id: res.json().id };
      },
    },
    {
      route: `${spec.edit.method} ${url}/:id`, field, stored, read,
      async write(html) {
        const id = (await create('<p>Avant</p>')).json().id as string;
        const res = await as()({ method: spec.edit.method, url: `${url}/${id}`, payload: spec.edit.payload(html) });
        return { res, id };
      },
    },
  ];
}

const RICH_TEXT_PATHS: RichTextPath[] = [
  ...createdAndEdited({
    url: '/api/trainings', field: 'descriptionHtml', as: () => asStaff,
    create: (descriptionHtml) => ({ title: 'Créée', summary: 'Résumé', descriptionHtml, theme: 'digital', targetCategories: [], durationMinutes: 60 }),
    edit: { method: 'PATCH', payload: (descriptionHtml) => ({ descriptionHtml }) },
    stored: storedTrainingDescription, read: readTrainingDescription,
  }),
  ...createdAndEdited({
    url: '/api/news/posts', field: 'bodyHtml', as: () => asStaff,
    create: newsPost, edit: { method: 'PATCH', payload: (bodyHtml) => ({ bodyHtml }) },
    stored: storedColumn('news_posts'), read: readNewsPost,
  }),
  ...createdAndEdited({
    url: '/api/newsletters/campaigns', field: 'bodyHtml', as: () => asAdmin,
    create: campaign, edit: { method: 'PUT', payload: campaign },
    stored: storedColumn('newsletter_campaigns'), read: readCampaign,
  }),
];

/** What an attacker (or a careless paste) sends; what must never be stored; what must survive. */
const HOSTILE = [
  '<p onclick="steal()">Programme <strong>complet</strong></p>',
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">lien piégé</a>',
  '<a href="https://www.cevennes-tourisme.fr/">site</a>',
  '<iframe src="https://evil.example/"></iframe>',
  '<svg onload="alert(1)"><circle /></svg>',
  '<a href="//evil.example/x">relatif</a>',
  '<p style="position:fixed;top:0">stylé</p>',
  '<style>body{display:none}</style>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
  '<form action="https://evil.example/"><input name="password"></form>',
  '<ul><li>Un</li><li>Deux</li></ul>',
].join('\n');
const NEVER = [/<script/i, /<iframe/i, /<svg/i, /<img/i, /<style/i, /<form/i, /<input/i, /\son[a-z]+\s*=/i, /javascript:/i, /data:/i, /href="\/\//i, /style=/i, /alert\(document/];
const KEPT = ['<p>Programme <strong>complet</strong></p>', '<ul><li>Un</li><li>Deux</li></ul>', 'lien piégé', 'relatif', 'stylé', 'href="https://www.cevennes-tourisme.fr/"'];

describe('rich text is sanitised on every path that writes it', () => {
  it('the table covers every rich-text field of every body schema of the api', () => {
    const found = bodyRoutes(ctx.app).flatMap((r) => richTextFields(r.body).map((f) => `${r.method} ${r.route} ${f}`)).sort();
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found).toEqual(RICH_TEXT_PATHS.map((p) => `${p.route} ${p.field}`).sort());
  });

  const storedBy: Record<string, string> = {};

  it.each(RICH_TEXT_PATHS.map((p) => [`${p.route} ${p.field}`, p] as const))('%s stores hostile HTML sanitised', async (_name, path) => {
    const { res, id } = await path.write(HOSTILE);
    expect(res.statusCode, res.body).toBeLessThan(300);
    const stored = await path.stored(id);
    for (const value of [stored, await path.read(id), res.json()[path.field] as string]) {
      for (const pattern of NEVER) expect(value, `${path.route}: ${pattern}`).not.toMatch(pattern);
      for (const fragment of KEPT) expect(value).toContain(fragment);
    }
    // Links that survive open in a new tab without giving the page a handle on the opener.
    expect(stored).toMatch(/<a href="https:\/\/www\.cevennes-tourisme\.fr\/" [^>]*rel="noopener noreferrer nofollow"/);
    storedBy[path.route] = stored;
  });

  it('every path stores the same sanitised text for the same input', () => {
    const values = Object.values(storedBy);
    expect(values).toHaveLength(RICH_TEXT_PATHS.length);
    expect(new Set(values).size).toBe(1);
  });

  it('a field edited without rich text keeps the sanitised description', async () => {
    const { id } = await RICH_TEXT_PATHS[1]!.write(HOSTILE);
    const before = await storedTrainingDescription(id);
    const res = await asStaff({ method: 'PATCH', url: `/api/trainings/${id}`, payload: { trainer: 'Camille' } });
    expect(res.statusCode).toBe(200);
    expect(await storedTrainingDescription(id)).toBe(before);
  });
});
