import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as fr from '@zxcvbn-ts/language-fr';
import type { MessageKey } from '../i18n';
import { Problem } from '../plugins/errors';
import { PASSWORD_MIN_LENGTH } from '../../common/limits';

// argon2id (the library's default algorithm) with OWASP's recommended minimum cost.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...fr.dictionary },
  graphs: common.adjacencyGraphs,
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  if (!hashed) {
    // Same cost whether or not the account exists, so timing reveals nothing.
    await hash(password, ARGON2);
    return false;
  }
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/**
 * At least 12 characters and not guessable: zxcvbn with the common and French
 * password dictionaries refuses "motdepasse123", "azertyuiop12" and the like
 * (score 0-2 means fewer than ~10^8 guesses).
 */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<MessageKey | null> {
  if (password.length < PASSWORD_MIN_LENGTH) return 'auth.passwordTooShort';
  const result = zxcvbn.check(password, userInputs);
  return result.score <= 2 ? 'auth.passwordCommon' : null;
}

/** The hash of a new password, or a validation problem about `field` when `passwordProblem` refuses it. */
export async function newPasswordHash(password: string, userInputs: string[], field: string): Promise<string> {
  const weak = await passwordProblem(password, userInputs);
  if (weak) throw new Problem(400, 'error.validation', [{ field, key: weak }]);
  return hashPassword(password);
}
