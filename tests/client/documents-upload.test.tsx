/**
 * The upload page's per-file progress and cancel, with the network stubbed:
 * fetch through the shared mockApi, and XMLHttpRequest (what the uploads use,
 * for their progress events) by a scripted stand-in the test drives by hand.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UploadResult } from '../../client/features/documents/types';
import { installScriptedXhr, ScriptedXhr, uploadItem } from './scripted-xhr';
import { makeUser, mockApi, renderApp } from './utils';
import { EVERYONE } from '../helpers/audience';

const staff = makeUser('staff');
const folder = { id: '22222222-2222-4222-8222-222222222222', parentId: null, name: 'Kit graphique', audience: EVERYONE };
const territory = { communautes: [], communes: [], offices: [], categories: [], labels: [] };

function created(title: string, duplicates: UploadResult['duplicates'] = []): UploadResult {
  const now = '2026-11-30T10:00:00.000Z';
  return {
    document: {
      id: '33333333-3333-4333-8333-333333333333', folderId: folder.id, title, description: '', tags: [], status: 'draft', audience: folder.audience as UploadResult['document']['audience'],
      owner: { id: staff.id, name: staff.name }, credit: null, reviewOn: null, publishedAt: null, createdAt: now, updatedAt: now,
      currentVersion: { id: '44444444-4444-4444-8444-444444444444', number: 1, originalName: `${title}.pdf`, mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), changeNote: '', pageCount: null, hasThumbnail: false, textStatus: 'pending', createdAt: now },
    },
    duplicates,
  };
}

const file = (name: string, size = 2048, type = 'application/pdf') => new File([new Uint8Array(size)], name, { type });

async function openUploadPage() {
  mockApi({
    'GET /api/me': { status: 200, body: staff },
    'GET /api/documents/folders': { status: 200, body: { items: [folder] } },
    'GET /api/documents': { status: 200, body: { items: [], total: 0, page: 1, pageSize: 24, accentInsensitiveSearch: true } },
    'GET /api/territory': { status: 200, body: territory },
  });
  await renderApp(`/documents/deposer?dossier=${folder.id}`);
  await screen.findByRole('heading', { level: 1, name: 'Déposer des fichiers' });
  // The hidden input of the drop zone: what the browser's file picker fills.
  return document.querySelector('input[type="file"]') as HTMLInputElement;
}

/** Opens the page, picks the files and waits until the first of them are sent (two at a time); returns the user. */
async function pickFiles(names: string[]) {
  const user = userEvent.setup();
  const input = await openUploadPage();
  await user.upload(input, names.map((name) => file(name)));
  await waitFor(() => expect(ScriptedXhr.sent).toHaveLength(Math.min(names.length, 2)));
  return user;
}

installScriptedXhr();

describe('upload page: progress and cancel per file', () => {
  it('sends each file on its own request (meta first, folder and title from the page), shows its progress, then links to the document', async () => {
    const user = userEvent.setup();
    const input = await openUploadPage();
    expect(screen.getByRole('button', { name: 'Choisir des fichiers' })).toBeEnabled();
    await user.upload(input, [file('charte_graphique.pdf'), file('logo.pdf')]);

    await waitFor(() => expect(ScriptedXhr.sent).toHaveLength(2));
    const [first, second] = ScriptedXhr.sent as [ScriptedXhr, ScriptedXhr];
    expect(first.method).toBe('POST');
    expect(first.url).toBe('/api/documents');
    expect(first.withCredentials).toBe(true);
    expect(first.headers['idempotency-key']).toMatch(/^"[^"]+"$/);
    expect(first.headers['idempotency-key']).not.toBe(second.headers['idempotency-key']);
    expect([...first.body!.keys()]).toEqual(['meta', 'file']);
    expect(first.meta).toMatchObject({ title: 'charte graphique', folderId: folder.id, status: 'draft', audience: folder.audience });
    expect(first.fileName).toBe('charte_graphique.pdf');

    first.progress(1024, 4096);
    const bar = await within(uploadItem('charte_graphique.pdf')).findByRole('progressbar', { name: 'Progression de « charte_graphique.pdf »' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '25'));
    expect(within(uploadItem('charte_graphique.pdf')).getByText('Envoi en cours : 25 %')).toBeInTheDocument();

    first.progress(4096, 4096);
    await within(uploadItem('charte_graphique.pdf')).findByText('Vérification par le serveur…');
    first.answer(201, created('charte graphique'));
    const link = await within(uploadItem('charte_graphique.pdf')).findByRole('link', { name: 'charte graphique' });
    expect(link).toHaveAttribute('href', '/documents/33333333-3333-4333-8333-333333333333');
    expect(uploadItem('charte_graphique.pdf')).toHaveAttribute('data-status', 'done');
    // The other file is still on its way, unaffected.
    expect(uploadItem('logo.pdf')).toHaveAttribute('data-status', 'uploading');
  });

  it('cancel aborts that file only: its request is aborted, it says « Annulé », the others go on', async () => {
    const user = await pickFiles(['a.pdf', 'b.pdf']);
    const [a, b] = ScriptedXhr.sent as [ScriptedXhr, ScriptedXhr];
    a.progress(100, 1000);

    await user.click(within(uploadItem('a.pdf')).getByRole('button', { name: 'Annuler l\'envoi de « a.pdf »' }));
    expect(a.aborted).toBe(true);
    expect(b.aborted).toBe(false);
    await within(uploadItem('a.pdf')).findByText('Annulé');
    expect(uploadItem('a.pdf')).toHaveAttribute('data-status', 'cancelled');
    expect(within(uploadItem('a.pdf')).queryByRole('button', { name: /Annuler l'envoi/ })).toBeNull();

    b.answer(201, created('b'));
    await waitFor(() => expect(uploadItem('b.pdf')).toHaveAttribute('data-status', 'done'));
  });

  it('a file waiting its turn is cancelled without being sent (two at a time)', async () => {
    const user = await pickFiles(['1.pdf', '2.pdf', '3.pdf']);
    expect(within(uploadItem('3.pdf')).getByText('En attente')).toBeInTheDocument();
    await user.click(within(uploadItem('3.pdf')).getByRole('button', { name: 'Annuler l\'envoi de « 3.pdf »' }));
    await within(uploadItem('3.pdf')).findByText('Annulé');
    ScriptedXhr.sent[0]!.answer(201, created('1'));
    await waitFor(() => expect(uploadItem('1.pdf')).toHaveAttribute('data-status', 'done'));
    expect(ScriptedXhr.sent).toHaveLength(2);
  });

  it("shows the server's refusal (413) on its file, offers to retry, and points out a duplicate", async () => {
    const user = await pickFiles(['enorme.pdf', 'copie.pdf']);
    const [big, copy] = ScriptedXhr.sent as [ScriptedXhr, ScriptedXhr];
    const detail = 'Fichier trop volumineux : il dépasse la taille maximale acceptée par l’Espace Pro (100 Mo sauf réglage contraire).';
    big.answer(413, { type: 'about:blank', title: 'Payload Too Large', status: 413, detail });
    copy.answer(201, created('copie', [{ documentId: '55555555-5555-4555-8555-555555555555', title: 'Charte 2025', versionNumber: 2 }]));

    const alert = await within(uploadItem('enorme.pdf')).findByRole('alert');
    expect(alert).toHaveTextContent(`Refusé : ${detail}`);
    expect(await within(uploadItem('copie.pdf')).findByText('Ce fichier est déjà dans la bibliothèque : « Charte 2025 » (version 2).')).toBeInTheDocument();

    // A proxy's 413 without problem+json still says why, in the reader's words.
    await user.click(within(uploadItem('enorme.pdf')).getByRole('button', { name: 'Réessayer « enorme.pdf »' }));
    await waitFor(() => expect(ScriptedXhr.sent).toHaveLength(3));
    ScriptedXhr.sent[2]!.status = 413;
    ScriptedXhr.sent[2]!.responseText = '<html>413 Request Entity Too Large</html>';
    ScriptedXhr.sent[2]!.onload?.();
    expect(await within(uploadItem('enorme.pdf')).findByRole('alert')).toHaveTextContent('Fichier trop volumineux : il dépasse la taille maximale acceptée.');
  });

  it('a lost connection is said plainly and nothing is claimed saved', async () => {
    await pickFiles(['coupure.pdf']);
    ScriptedXhr.sent[0]!.onerror?.();
    expect(await within(uploadItem('coupure.pdf')).findByRole('alert')).toHaveTextContent("La connexion a été coupée pendant l'envoi. Rien n'a été enregistré.");
  });
});
