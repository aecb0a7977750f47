import type { FastifyInstance } from 'fastify';
import { getUserForSignUp, listColleagues } from '../../../db/queries/trainings/registrations';
import { signUp as signUpOne, signUpBatch, type SignUpItem, type SignUpResult } from '../../../db/queries/trainings/sign-up';
import type { Principal } from '../../plugins/auth';
import type { Registration } from '../../schemas/trainings';
import { isStaff, visibleSession } from './access';
import { toColleague, toRegistration } from './mapping';
import { orRefuse, refusal } from './refusals';
import { Problem } from '../../plugins/errors';

/**
 * Sign-ups of one session that arrive while a batch of that session is
 * being written wait and go into the next batch: one transaction (one lock,
 * one commit) per batch instead of one per person. No added delay: a lone
 * sign-up runs at once. Across api processes, batches queue on the row lock.
 */
const MAX_BATCH = 200;
type Pending = { item: SignUpItem; resolve: (r: SignUpResult) => void; reject: (e: unknown) => void };
const signUpQueues = new WeakMap<FastifyInstance, Map<string, Pending[]>>();

function queueSignUp(app: FastifyInstance, sessionId: string, item: SignUpItem): Promise<SignUpResult> {
  let bySession = signUpQueues.get(app);
  if (!bySession) signUpQueues.set(app, (bySession = new Map()));
  return new Promise((resolve, reject) => {
    const waiting = bySession.get(sessionId);
    if (waiting) return void waiting.push({ item, resolve, reject });
    const queue: Pending[] = [{ item, resolve, reject }];
    bySession.set(sessionId, queue);
    void drainSignUps(app, bySession, sessionId, queue);
  });
}

async function drainSignUps(app: FastifyInstance, bySession: Map<string, Pending[]>, sessionId: string, queue: Pending[]) {
  try {
    while (queue.length) {
      const batch = queue.splice(0, MAX_BATCH);
      try {
        const results = await signUpBatch(app.db, sessionId, batch.map((p) => p.item));
        batch.forEach((p, i) => p.resolve(results[i]!));
      } catch (err) {
        // One bad sign-up must not fail the others: retry them one by one.
        if (batch.length === 1) batch[0]!.reject(err);
        else for (const p of batch) await signUpOne(app.db, { sessionId, ...p.item }).then(p.resolve, p.reject);
      }
    }
  } finally {
    bySession.delete(sessionId);
  }
}

/**
 * Signs someone up: themselves, a colleague (partners: same establishment),
 * anyone (staff). The hot path of a sign-up burst: batched writes (above),
 * the answer built from the statement's own result, then the confirmation /
 * waiting-list mail enqueued after commit.
 */
export async function signUp(app: FastifyInstance, principal: Principal, sessionId: string, userId: string | undefined): Promise<Registration> {
  let target = { id: principal.userId, establishmentId: principal.establishmentId };
  if (userId && userId !== principal.userId) {
    const user = await getUserForSignUp(app.db, userId);
    if (!user || user.status !== 'active') throw refusal(isStaff(principal) ? 'userNotFound' : 'notColleague');
    if (!isStaff(principal) && (!principal.establishmentId || user.establishmentId !== principal.establishmentId)) throw refusal('notColleague');
    target = { id: user.id, establishmentId: user.establishmentId };
  }
  const out = await queueSignUp(app, sessionId, { userId: target.id, establishmentId: target.establishmentId, actorId: principal.userId });
  // Signing oneself up, the refusal speaks to the person (« vous »), not about them (« Cette personne »).
  if (!out.ok && out.reason === 'duplicate' && target.id === principal.userId) throw new Problem(409, 'trainings.alreadyRegisteredSelf');
  const result = orRefuse(out);
  if (result.messageId) await app.enqueue('mail.send', { messageId: result.messageId });
  return toRegistration(result.registration);
}

/** A partner's colleagues (active users of their establishment) and their registration to the session. */
export async function colleagues(app: FastifyInstance, principal: Principal, sessionId: string) {
  await visibleSession(app, principal, sessionId);
  if (!principal.establishmentId) return { items: [] };
  return { items: (await listColleagues(app.db, sessionId, principal.establishmentId)).map(toColleague) };
}
