/**
 * « Proposer un document » with several files: each file is its own proposal
 * (the form's fields shared, the title numbered), sent one after the other
 * with its own state; a refusal stays on its file with its French message and
 * « Réessayer »; a live region counts what was sent. fetch through the shared
 * mockApi, the uploads' XMLHttpRequest by the scripted stand-in.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { CONTRIBUTION_LIMITS } from '../../common/documents';
import type { Contribution } from '../../client/features/documents/contributions/api';
import { installScriptedXhr, ScriptedXhr, uploadItem } from './scripted-xhr';
import { makeUser, mockApi, renderApp } from './utils';

const partner = makeUser('partner');
const TITLE = 'Gîte du Mas de la Fage';
const CREDIT = 'Photo : Marie Causse';

function proposal(title: string, n: number): Contribution {
  const now = '2026-12-01T09:00:00.000Z';
  return {
    id: `66666666-6666-4666-8666-00000000000${n}`, title, description: '', credit: CREDIT, status: 'pending', establishment: partner.establishment, proposerName: partner.name,
    originalName: `photo-${n}.jpg`, mediaType: 'image/jpeg', size: 2048, licenceVersion: '2026-11', licenceAcceptedAt: now, documentId: null, folderId: null, decidedAt: null, decisionMessage: '', createdAt: now,
  };
}

const photo = (name: string) => new File([new Uint8Array(2048)], name, { type: 'image/jpeg' });

async function openForm() {
  mockApi({
    'GET /api/me': { status: 200, body: partner },
    'GET /api/documents/contributions': { status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } },
  });
  const view = await renderApp('/documents/proposer');
  await screen.findByRole('heading', { level: 1, name: 'Proposer un document' });
  return { ...view, input: document.querySelector('input[type="file"]') as HTMLInputElement };
}

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: /^Titre/ }), TITLE);
  await user.type(screen.getByRole('textbox', { name: /^Mention d’auteur/ }), CREDIT);
  await user.click(screen.getByRole('checkbox', { name: /J’accepte que l’office de tourisme/ }));
}

installScriptedXhr();

describe('« Proposer un document » with several files', () => {
  it('sends one proposal per file, one after the other, keeps a refusal on its file, retries it, then thanks and opens « Mes propositions »', async () => {
    const user = userEvent.setup();
    const { input, router } = await openForm();
    expect(input).toHaveAttribute('multiple');
    await user.upload(input, [photo('terrasse.jpg'), photo('chambre.jpg'), photo('piscine.jpg')]);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Envoyer la proposition' }));

    // One at a time: the second file waits for the first.
    await waitFor(() => expect(ScriptedXhr.sent).toHaveLength(1));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('0 proposition envoyée sur 3…');
    const [first] = ScriptedXhr.sent as [ScriptedXhr];
    expect(first.url).toBe('/api/documents/contributions');
    expect(first.fileName).toBe('terrasse.jpg');
    expect(first.meta).toEqual({ title: `${TITLE} (1/3)`, description: '', credit: CREDIT, licenceAccepted: true });
    expect(within(uploadItem('chambre.jpg')).getByText('En attente')).toBeInTheDocument();
    first.answer(201, proposal(`${TITLE} (1/3)`, 1));

    await waitFor(() => expect(ScriptedXhr.sent).toHaveLength(2));
    expect(within(uploadItem('terrasse.jpg')).getByText('Proposition envoyée')).toBeInTheDocument();
    const second = ScriptedXhr.sent[1]!;
    expect(second.fileName).toBe('chambre.jpg');
    expect(second.meta).toMatchObject({ title: `${TITLE} (2/3)`, credit: CREDIT, licenceAccepted: true });
    expect(second.headers['idempotency-key']).not.toBe(first.headers['idempotency-key']);
    const detail = 'Ce type de fichier n’est pas accepté : envoyez une photo (JPEG, PNG, WebP) ou un document.';
    second.answer(415, { type: 'about:blank', title: 'Unsupported Media Type', status: 415, detail });

    await waitFor(() => expect(ScriptedXhr.sent).toHaveLength(3));
    expect(await within(uploadItem('chambre.jpg')).findByRole('alert')).toHaveTextContent(`Refusé : ${detail}`);
    const third = ScriptedXhr.sent[2]!;
    expect(third.meta).toMatchObject({ title: `${TITLE} (3/3)` });
    third.answer(201, proposal(`${TITLE} (3/3)`, 3));

    await waitFor(() => expect(status).toHaveTextContent('2 propositions envoyées. 1 refusée : lisez le message sous le fichier, puis réessayez.'));
    expect(router.state.location.pathname).toBe('/documents/proposer');

    // The retry sends the same file with the fields it was chosen with.
    await user.click(within(uploadItem('chambre.jpg')).getByRole('button', { name: 'Réessayer « chambre.jpg »' }));
    await waitFor(() => expect(ScriptedXhr.sent).toHaveLength(4));
    const retried = ScriptedXhr.sent[3]!;
    expect(retried.fileName).toBe('chambre.jpg');
    expect(retried.meta).toEqual(second.meta);
    retried.answer(201, proposal(`${TITLE} (2/3)`, 2));

    expect(await screen.findByText('Merci ! Vos 3 propositions ont été envoyées à l’office.')).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/documents/mes-propositions'));
  });

  it(`refuses more than ${CONTRIBUTION_LIMITS.filesAtOnce} files at once on the form, and sends nothing`, async () => {
    const user = userEvent.setup();
    const { input } = await openForm();
    const files = Array.from({ length: CONTRIBUTION_LIMITS.filesAtOnce + 1 }, (_, i) => photo(`photo-${i + 1}.jpg`));
    await user.upload(input, files);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Envoyer la proposition' }));
    expect(await screen.findByText(`Choisissez au plus ${CONTRIBUTION_LIMITS.filesAtOnce} fichiers à la fois.`)).toBeInTheDocument();
    expect(ScriptedXhr.sent).toHaveLength(0);
    expect(screen.queryAllByTestId('upload-item')).toHaveLength(0);
  });

  it('one file keeps its title as typed, unnumbered', async () => {
    const user = userEvent.setup();
    const { input } = await openForm();
    await user.upload(input, [photo('facade.jpg')]);
    await fillForm(user);
    await user.click(screen.getByRole('button', { name: 'Envoyer la proposition' }));
    await waitFor(() => expect(ScriptedXhr.sent).toHaveLength(1));
    expect(ScriptedXhr.sent[0]!.meta).toMatchObject({ title: TITLE });
    ScriptedXhr.sent[0]!.answer(201, proposal(TITLE, 1));
    expect(await screen.findByText('Merci ! Votre proposition a été envoyée à l’office.')).toBeInTheDocument();
  });
});
