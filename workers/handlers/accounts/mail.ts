import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client';
import { establishments, offices, oneTimeTokens, users } from '../../../db/schema';
// A pure helper (HMAC of the token id); importing it keeps one definition of the link token.
import { deriveOneTimeToken, hashToken } from '../../../common/link-tokens';
import { appLink, uuidParam, type ComposeContext } from '../mail/context';
import type { MailLoader } from '../../feature';

/** Loaders of the accounts mails: invitation, password reset, password changed. */

const inviter = alias(users, 'inviter');

/** A still-usable one-time token (unused, unexpired, and derivable with the current secret), with its user. */
async function usableToken(db: Database, tokenId: string, purpose: 'invitation' | 'password_reset', ctx: ComposeContext) {
  const [row] = await db
    .select({
      tokenHash: oneTimeTokens.tokenHash, expiresAt: oneTimeTokens.expiresAt, userId: users.id, name: users.name, email: users.email,
      role: users.role, status: users.status, establishmentName: establishments.name, officeName: offices.name, inviterName: inviter.name,
    })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .leftJoin(establishments, eq(establishments.id, users.establishmentId))
    .leftJoin(offices, eq(offices.id, users.officeId))
    .leftJoin(inviter, eq(inviter.id, oneTimeTokens.createdBy))
    .where(and(eq(oneTimeTokens.id, tokenId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, sql`now()`)));
  if (!row) return null;
  const token = deriveOneTimeToken(ctx.config.JWT_SECRET, tokenId);
  // The secret changed since the token was made: the link would not work.
  if (hashToken(token) !== row.tokenHash) return null;
  return { ...row, token };
}

const homeUrl = (ctx: ComposeContext) => appLink(ctx, `/`);

export const accountsMail = {
  invitation: (async (db, params, ctx) => {
    const t = await usableToken(db, uuidParam(params, 'tokenId'), 'invitation', ctx);
    if (!t || t.status !== 'invited') return null;
    return {
      recipientName: t.name,
      role: t.role,
      organisationName: t.role === 'partner' ? t.establishmentName : t.role === 'staff' ? t.officeName : null,
      inviterName: t.inviterName,
      link: appLink(ctx, `/invitation/${t.token}`),
      expiresAt: t.expiresAt,
      homeUrl: homeUrl(ctx),
    };
  }) satisfies MailLoader<'invitation'>,

  'password-reset': (async (db, params, ctx) => {
    const t = await usableToken(db, uuidParam(params, 'tokenId'), 'password_reset', ctx);
    if (!t || t.status !== 'active') return null;
    return { recipientName: t.name, link: appLink(ctx, `/reinitialiser/${t.token}`), expiresAt: t.expiresAt, homeUrl: homeUrl(ctx) };
  }) satisfies MailLoader<'password-reset'>,

  'password-changed': (async (db, _params, ctx) => {
    if (!ctx.message.userId) return null;
    const [user] = await db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.id, ctx.message.userId), isNull(users.erasedAt)));
    if (!user) return null;
    return {
      recipientName: user.name,
      email: user.email,
      changedAt: ctx.message.createdAt,
      forgotLink: appLink(ctx, `/mot-de-passe-oublie`),
      homeUrl: homeUrl(ctx),
    };
  }) satisfies MailLoader<'password-changed'>,
};
