import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { documentTexts, documentVersions } from '../../db/schema';
import { OFFICE_XML_MAX_BYTES } from '../../workers/handlers/documents/office-text';
import { docxBomb, docxWith, odtWith } from '../helpers/office-files';
import { documentsJobsFile } from '../helpers/documents-app';
import { EVERYONE } from '../helpers/audience';

/** Text of office and OpenDocument files: extracted by the worker, capped, and found by an accent-free search. */

const jobs = documentsJobsFile();

/** Uploads a document published to everyone. */
const publish = (title: string, filename: string, data: Buffer) => jobs.upload({ title, status: 'published', audience: EVERYONE }, filename, data);

const search = async (q: string) => (await jobs.asStaff({ method: 'GET', url: `/api/documents?q=${encodeURIComponent(q)}` })).json().items.map((d: { id: string }) => d.id);

describe('documents.extract on office files', () => {
  it('a .docx and an .odt with accented words are found by a search without accents, once extracted', async () => {
    const docx = await publish('Compte rendu', 'compte-rendu.docx', docxWith(['Réunion du réseau', 'Les châtaigneraies de la vallée & leurs sentiers']));
    const odt = await publish('Note', 'note.odt', odtWith(['Fréquentation estivale des gîtes', 'Bilan très positif']));
    expect(docx.currentVersion.textStatus).toBe('pending');
    expect(await search('chataigneraie')).toEqual([]);

    expect(await jobs.run('documents.extract', { versionId: docx.currentVersion.id })).toEqual({ saved: true });
    expect(await jobs.run('documents.extract', { versionId: docx.currentVersion.id })).toEqual({ skipped: true });
    expect(await jobs.run('documents.extract', { versionId: odt.currentVersion.id })).toEqual({ saved: true });

    expect(await search('chataigneraie vallee')).toEqual([docx.id]);
    expect(await search('frequentation gite')).toEqual([odt.id]);
    // Runs split mid-word by Word are joined again; paragraphs stay apart; entities decoded.
    const [text] = await jobs.ctx.db.select({ text: documentTexts.text }).from(documentTexts).where(eq(documentTexts.versionId, docx.currentVersion.id));
    expect(text!.text).toContain('Réunion du réseau\nLes châtaigneraies de la vallée & leurs sentiers');
    const [o] = await jobs.ctx.db.select({ text: documentTexts.text }).from(documentTexts).where(eq(documentTexts.versionId, odt.currentVersion.id));
    expect(o!.text).toContain('Fréquentation estivale des gîtes\nBilan très positif');
  });

  it('a zip bomb stops at the XML cap: the text read so far is kept, marked truncated', async () => {
    const bomb = await publish('Bombe', 'bombe.docx', docxBomb(OFFICE_XML_MAX_BYTES + 8 * 1024 * 1024));
    expect(bomb.currentVersion.textStatus).toBe('pending');
    expect(await jobs.run('documents.extract', { versionId: bomb.currentVersion.id })).toEqual({ saved: true });
    const [t] = await jobs.ctx.db.select({ text: documentTexts.text, truncated: documentTexts.truncated }).from(documentTexts).where(eq(documentTexts.versionId, bomb.currentVersion.id));
    expect(t!.truncated).toBe(true);
    expect(t!.text.length).toBeLessThanOrEqual(300_000);
    expect(t!.text).toContain('Début lisible');
  });

  it('a cut archive (no central directory) is recorded as failed, not retried', async () => {
    const good = docxWith(['Texte']);
    const doc = await publish('Abîmé', 'abime.docx', good.subarray(0, good.length - 40));
    expect(await jobs.run('documents.extract', { versionId: doc.currentVersion.id })).toEqual({ saved: true });
    const [v] = await jobs.ctx.db.select({ s: documentVersions.textStatus }).from(documentVersions).where(eq(documentVersions.id, doc.currentVersion.id));
    expect(v!.s).toBe('failed');
  });
});
