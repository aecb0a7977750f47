import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { queueDueSurveys } from '../../db/queries/trainings/schedules';
import { mailMessages, trainingSessions, trainingSlots } from '../../db/schema';
import { surveyToken } from '../../common/link-tokens';
import { csvCell } from '../../server/services/trainings/exports';
import { appWithUsers, createEstablishment, createUser, injectAs, type Injector, type TestContext, type TestUser } from '../helpers/app';
import { makeSession, makeTraining, parseIcs, pdfToText, tamper } from '../helpers/trainings';

/**
 * After the session: attendance, the signature sheet and the attendance
 * certificate (PDF text read back), the registrant CSV (formulas
 * neutralised), calendars (.ics read back by ical.js) and the survey.
 */

let ctx: TestContext;
let staff: TestUser;
let asStaff: Injector;
const DAY = 86_400_000;

beforeAll(async () => ({ ctx, staff, asStaff } = await appWithUsers({ staff: 'staff' })));
afterAll(async () => ctx?.close());

async function signUp(user: TestUser, sessionId: string) {
  const res = await (await injectAs(ctx, user))({ method: 'POST', url: `/api/trainings/sessions/${sessionId}/registrations`, payload: {} });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** Moves a session into the past (as if it had happened). */
async function happened(sessionId: string, hoursAgo = 3) {
  const start = new Date(Date.now() - hoursAgo * 3_600_000);
  const end = new Date(start.getTime() + 3_600_000);
  await ctx.db.update(trainingSessions).set({ startsAt: start, endsAt: end, signupDeadline: new Date(start.getTime() - DAY) }).where(eq(trainingSessions.id, sessionId));
  await ctx.db.update(trainingSlots).set({ startsAt: start, endsAt: end }).where(eq(trainingSlots.sessionId, sessionId));
}

describe('attendance, certificate and signature sheet', () => {
  it('staff take attendance; the attendee downloads a certificate with their name; the sheet lists the participants', async () => {
    const est = await createEstablishment(ctx, { name: 'Camping Les Châtaigniers' });
    const alice = await createUser(ctx, 'partner', { name: 'Élodie Fabre-Müller', establishmentId: est.id });
    // Letters beyond Windows-1252 (Ł, ő, ă): the PDFs embed a font that has them.
    const bob = await createUser(ctx, 'partner', { name: 'Łukasz Erdős' });
    const colleague = await createUser(ctx, 'partner', { establishmentId: est.id });
    const t = await makeTraining(ctx, staff.id, { title: 'Réglementation des meublés de tourisme', trainer: 'Maître Roux', durationMinutes: 210 });
    const s = await makeSession(ctx, t, staff.id, { capacity: 5 });
    const ra = await signUp(alice, s);
    const rb = await signUp(bob, s);

    const sheet = await asStaff({ method: 'GET', url: `/api/trainings/sessions/${s}/signature-sheet.pdf` });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toBe('application/pdf');
    expect(sheet.headers['content-disposition']).toMatch(/^attachment; filename="emargement-/);
    const sheetText = await pdfToText(sheet.rawPayload);
    for (const line of ['Feuille d’émargement', 'Réglementation des meublés de tourisme', 'Élodie Fabre-Müller', 'Łukasz Erdős', 'Camping Les Châtaigniers']) expect(sheetText).toContain(line);

    await happened(s);
    const asAlice = await injectAs(ctx, alice);
    expect((await asAlice({ method: 'GET', url: `/api/trainings/registrations/${ra}/certificate.pdf` })).statusCode).toBe(409);
    expect((await asAlice({ method: 'PUT', url: `/api/trainings/registrations/${ra}/attendance`, payload: { attendance: 'present' } })).statusCode).toBe(403);
    expect((await asStaff({ method: 'PUT', url: `/api/trainings/registrations/${ra}/attendance`, payload: { attendance: 'present' } })).json().attendance).toBe('present');
    expect((await asStaff({ method: 'PUT', url: `/api/trainings/registrations/${rb}/attendance`, payload: { attendance: 'absent' } })).json().attendance).toBe('absent');

    const cert = await asAlice({ method: 'GET', url: `/api/trainings/registrations/${ra}/certificate.pdf` });
    expect(cert.statusCode).toBe(200);
    const certText = await pdfToText(cert.rawPayload);
    for (const line of ['Attestation de présence', 'Élodie Fabre-Müller', 'Camping Les Châtaigniers', 'Réglementation des meublés de tourisme', '3 h 30']) expect(certText).toContain(line);
    // A colleague of the establishment may download it; another partner may not; the absent person gets none.
    expect((await (await injectAs(ctx, colleague))({ method: 'GET', url: `/api/trainings/registrations/${ra}/certificate.pdf` })).statusCode).toBe(200);
    expect((await (await injectAs(ctx, bob))({ method: 'GET', url: `/api/trainings/registrations/${ra}/certificate.pdf` })).statusCode).toBe(404);
    expect((await (await injectAs(ctx, bob))({ method: 'GET', url: `/api/trainings/registrations/${rb}/certificate.pdf` })).statusCode).toBe(409);
    // « Mes formations »: past, with the certificate.
    const mine = (await asAlice({ method: 'GET', url: '/api/trainings/me/registrations' })).json();
    expect(mine.past.map((i: { session: { id: string }; certificateAvailable: boolean }) => [i.session.id, i.certificateAvailable])).toEqual([[s, true]]);
  });
});

describe('registrant CSV', () => {
  it('is ;-separated UTF-8 with a BOM and neutralises = + - @ at the start of a cell', async () => {
    const est = await createEstablishment(ctx, { name: '=HYPERLINK("http://evil.test","Clique")' });
    const people = [
      await createUser(ctx, 'partner', { name: '+33 6 12 34 56 78', establishmentId: est.id }),
      await createUser(ctx, 'partner', { name: '-2+3' }),
      await createUser(ctx, 'partner', { name: '@SUM(A1:A9)' }),
      await createUser(ctx, 'partner', { name: 'Zoé; "la" Cévenole' }),
    ];
    const t = await makeTraining(ctx, staff.id);
    const s = await makeSession(ctx, t, staff.id, { capacity: 3 });
    for (const p of people) await signUp(p, s);
    const res = await asStaff({ method: 'GET', url: `/api/trainings/sessions/${s}/registrants.csv` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Nom;E-mail;Établissement;Commune;Statut;Position;Présence;Inscrit le');
    expect(lines).toHaveLength(5);
    const body = lines.slice(1).join('\n');
    expect(body).toContain(`'+33 6 12 34 56 78;`);
    expect(body).toContain(`'-2+3;`);
    expect(body).toContain(`'@SUM(A1:A9);`);
    expect(body).toContain(`"'=HYPERLINK(""http://evil.test"",""Clique"")"`);
    expect(body).toContain('"Zoé; ""la"" Cévenole"');
    expect(body).toContain('Liste d’attente;1;');
    // No cell of any line starts with a formula character once the quote is taken off.
    for (const line of lines.slice(1)) {
      for (const cell of line.match(/("([^"]|"")*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, '').replace(/^"|"$/g, ''))) {
        expect(cell).not.toMatch(/^[=+\-@]/);
      }
    }
    expect(csvCell('\t=1')).toBe(`'\t=1`);
    expect(csvCell(' leading')).toBe('" leading"');
    expect((await (await injectAs(ctx, people[0]!))({ method: 'GET', url: `/api/trainings/sessions/${s}/registrants.csv` })).statusCode).toBe(403);
  });
});

describe('calendars', () => {
  it('the session .ics parses back; an online link only for confirmed participants', async () => {
    const t = await makeTraining(ctx, staff.id, { title: 'Google Business Profile' });
    const start = new Date(Date.now() + 20 * DAY);
    const s = await makeSession(ctx, t, staff.id, {
      capacity: 1, placeKind: 'online', officeId: null, onlineUrl: 'https://visio.example.org/gbp',
      slots: [{ startsAt: start, endsAt: new Date(start.getTime() + 7_200_000) }, { startsAt: new Date(start.getTime() + DAY), endsAt: new Date(start.getTime() + DAY + 7_200_000) }],
    });
    const [p1, p2] = [await createUser(ctx, 'partner'), await createUser(ctx, 'partner')];
    await signUp(p1, s);
    await signUp(p2, s); // waiting
    const ics1 = await (await injectAs(ctx, p1))({ method: 'GET', url: `/api/trainings/sessions/${s}/session.ics` });
    expect(ics1.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const cal = await parseIcs(ics1.body);
    expect(cal.method).toBe('PUBLISH');
    expect(cal.events).toHaveLength(2);
    expect(cal.events[0]).toMatchObject({ summary: 'Google Business Profile (1/2)', uid: `training-${s}-0@espace-pro.sud-cevennes`, status: 'CONFIRMED', url: 'https://visio.example.org/gbp' });
    expect(cal.events[0]!.start.getTime()).toBe(Math.floor(start.getTime() / 1000) * 1000);
    expect(cal.events[1]!.end.getTime() - cal.events[1]!.start.getTime()).toBe(7_200_000);
    const ics2 = await (await injectAs(ctx, p2))({ method: 'GET', url: `/api/trainings/sessions/${s}/session.ics` });
    expect(ics2.body).not.toContain('visio.example.org');
    expect((await parseIcs(ics2.body)).events).toHaveLength(2);
  });

  it('the private feed lists confirmed sessions, and stops working once revoked or replaced', async () => {
    const me = await createUser(ctx, 'partner');
    const asMe = await injectAs(ctx, me);
    const anon = await injectAs(ctx, null);
    const t = await makeTraining(ctx, staff.id, { title: 'Accueil vélo' });
    const s1 = await makeSession(ctx, t, staff.id, { startsInDays: 8 });
    const s2 = await makeSession(ctx, t, staff.id, { startsInDays: 9, capacity: 1, placeKind: 'address', officeId: null, communeInsee: '30140', address: 'Place de la Mairie' });
    const s3 = await makeSession(ctx, t, staff.id, { startsInDays: 10, capacity: 1 });
    await signUp(me, s1);
    await signUp(me, s2);
    await signUp(await createUser(ctx, 'partner'), s3);
    await signUp(me, s3); // waiting: not in the feed

    expect((await asMe({ method: 'GET', url: '/api/trainings/me/calendar-feed' })).json()).toEqual({ url: null });
    const { url } = (await asMe({ method: 'POST', url: '/api/trainings/me/calendar-feed' })).json();
    expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/trainings\/calendar\/[A-Za-z0-9._-]+\.ics$/);
    const path = new URL(url).pathname;
    const feed = await anon({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    const cal = await parseIcs(feed.body);
    expect(cal.component.getFirstPropertyValue('x-wr-calname')).toBe('Mes formations — Espace Pro Sud Cévennes');
    expect(cal.events.map((e) => e.uid).sort()).toEqual([`training-${s1}-0@espace-pro.sud-cevennes`, `training-${s2}-0@espace-pro.sud-cevennes`].sort());
    expect(cal.events.find((e) => e.uid.includes(s2))!.location).toContain('Place de la Mairie');
    // A changed session keeps its UID with a higher SEQUENCE (calendars update it).
    await asStaff({ method: 'PATCH', url: `/api/trainings/sessions/${s1}`, payload: { place: { kind: 'office', officeId: 'bit-ganges' } } });
    const again = await parseIcs((await anon({ method: 'GET', url: path })).body);
    expect(again.events.find((e) => e.uid.includes(s1))).toMatchObject({ sequence: 1 });
    expect(again.events.find((e) => e.uid.includes(s1))!.location).toContain('Ganges');

    // Tampered and replaced URLs fail.
    expect((await anon({ method: 'GET', url: path.replace(/([^/]+)\.ics$/, (_m, token: string) => `${tamper(token)}.ics`) })).statusCode).toBe(404);
    const replaced = (await asMe({ method: 'POST', url: '/api/trainings/me/calendar-feed' })).json().url;
    expect(replaced).not.toBe(url);
    expect((await anon({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await anon({ method: 'GET', url: new URL(replaced).pathname })).statusCode).toBe(200);
    expect((await asMe({ method: 'DELETE', url: '/api/trainings/me/calendar-feed' })).statusCode).toBe(204);
    expect((await anon({ method: 'GET', url: new URL(replaced).pathname })).statusCode).toBe(404);
  });
});

describe('satisfaction survey', () => {
  it('is sent after the session to those present (not the absent), answered once, summarised for staff', async () => {
    const t = await makeTraining(ctx, staff.id);
    const s = await makeSession(ctx, t, staff.id, { capacity: 5 });
    const [a, b, c] = [await createUser(ctx, 'partner'), await createUser(ctx, 'partner'), await createUser(ctx, 'partner')];
    const ra = await signUp(a, s);
    const rb = await signUp(b, s);
    const rc = await signUp(c, s);
    const anon = await injectAs(ctx, null);
    // Before the survey is sent, its link does not work.
    expect((await anon({ method: 'GET', url: `/api/trainings/surveys/${surveyToken(ctx.config.JWT_SECRET, ra)}` })).json().state).toBe('invalid');

    await happened(s, 3);
    await asStaff({ method: 'PUT', url: `/api/trainings/registrations/${rc}/attendance`, payload: { attendance: 'absent' } });
    await queueDueSurveys(ctx.db);
    await queueDueSurveys(ctx.db); // once per session
    const surveys = await ctx.db.select({ params: mailMessages.params }).from(mailMessages).where(eq(mailMessages.template, 'training-survey'));
    expect(surveys.map((m) => m.params.registrationId).filter((id) => [ra, rb, rc].includes(id as string)).sort()).toEqual([ra, rb].sort());
    const [session] = await ctx.db.select({ status: trainingSessions.status }).from(trainingSessions).where(eq(trainingSessions.id, s));
    expect(session!.status).toBe('done');

    const tokenA = surveyToken(ctx.config.JWT_SECRET, ra);
    expect((await anon({ method: 'GET', url: `/api/trainings/surveys/${tokenA}` })).json()).toMatchObject({ state: 'open', session: { id: s } });
    expect((await anon({ method: 'POST', url: `/api/trainings/surveys/${tokenA}`, payload: { rating: 6 } })).statusCode).toBe(400);
    expect((await anon({ method: 'POST', url: `/api/trainings/surveys/${tokenA}`, payload: { rating: 5, comment: 'Très concret, merci !' } })).statusCode).toBe(204);
    expect((await anon({ method: 'POST', url: `/api/trainings/surveys/${tokenA}`, payload: { rating: 1 } })).statusCode).toBe(409);
    expect((await anon({ method: 'GET', url: `/api/trainings/surveys/${tokenA}` })).json().state).toBe('answered');
    expect((await anon({ method: 'POST', url: `/api/trainings/surveys/${surveyToken(ctx.config.JWT_SECRET, rb)}`, payload: { rating: 3 } })).statusCode).toBe(204);
    expect((await anon({ method: 'POST', url: `/api/trainings/surveys/${tamper(surveyToken(ctx.config.JWT_SECRET, ra))}`, payload: { rating: 3 } })).statusCode).toBe(404);

    const summary = (await asStaff({ method: 'GET', url: `/api/trainings/sessions/${s}/survey` })).json();
    expect(summary).toMatchObject({ sent: 2, responses: 2, average: 4, distribution: [0, 0, 1, 0, 1] });
    expect(summary.comments.map((x: { comment: string }) => x.comment)).toEqual(['Très concret, merci !']);
  });
});
