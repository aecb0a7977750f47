import { createHmac, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { safeEqual } from '../../common/link-tokens';

/**
 * Brute-force protection of log-in without letting others lock a user out
 * (OWASP, "Slow brute force" and "Device cookies").
 *
 * Failed attempts are counted (only failures: a success costs nothing):
 * - per address AND IP: one attacker's guesses at an address stop after
 *   `perMinute` a minute, without touching anyone else's attempts;
 * - per address, for clients without a device cookie of that address: many
 *   IPs guessing one address stop too, but only for untrusted clients;
 * - per device cookie: a browser where the person signed in before (it holds
 *   a signed cookie naming the address) has a budget of its own, which
 *   nobody else can spend, so it gets through while the address is attacked.
 * Each api process shares the counters through Redis (rate-limiter-flexible,
 * which counts, reads and resets by key: what failure-only counting needs).
 */
export const DEVICE_COOKIE = 'ep_device';
export const DEVICE_COOKIE_PATH = '/api/auth/login';
export const DEVICE_TTL_DAYS = 180;

export interface LoginThrottle {
  /** Seconds to wait before this attempt may be checked, or 0. */
  waitBefore(attempt: LoginAttempt): Promise<number>;
  failed(attempt: LoginAttempt): Promise<void>;
  succeeded(attempt: LoginAttempt): Promise<void>;
}

export interface LoginAttempt {
  email: string;
  ip: string;
  /** The nonce of a valid device cookie of this address, if the client has one. */
  device: string | null;
}

export function createLoginThrottle(redis: Redis, opts: { prefix: string; perMinute: number }): LoginThrottle {
  const limiter = (name: string) => new RateLimiterRedis({ storeClient: redis, keyPrefix: `${opts.prefix}:rl:login-fail:${name}`, points: opts.perMinute, duration: 60 });
  const byAddressAndIp = limiter('address-ip');
  const byAddress = limiter('untrusted-address');
  const byDevice = limiter('device');
  const address = (a: LoginAttempt) => a.email.toLowerCase();
  const keysOf = (a: LoginAttempt): [RateLimiterRedis, string][] =>
    a.device ? [[byDevice, a.device]] : [[byAddressAndIp, `${address(a)}|${a.ip}`], [byAddress, address(a)]];
  const exhausted = (res: RateLimiterRes | null) => (res && res.consumedPoints >= opts.perMinute ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0);

  return {
    async waitBefore(attempt) {
      const states = await Promise.all(keysOf(attempt).map(([l, key]) => l.get(key)));
      return Math.max(0, ...states.map(exhausted));
    },
    async failed(attempt) {
      await Promise.all(keysOf(attempt).map(([l, key]) => l.penalty(key, 1)));
    },
    async succeeded(attempt) {
      await byAddressAndIp.delete(`${address(attempt)}|${attempt.ip}`);
      if (attempt.device) await byDevice.delete(attempt.device);
    },
  };
}

/** `<nonce>.<expires, s>.<address tag>.<mac>`: the address itself is never in the cookie, only an HMAC of it. */
export function signDeviceCookie(secret: string, email: string, now = Date.now()): string {
  const nonce = randomBytes(16).toString('base64url');
  const expires = Math.floor(now / 1000) + DEVICE_TTL_DAYS * 86_400;
  const body = `${nonce}.${expires}.${addressTag(secret, email)}`;
  return `${body}.${mac(secret, body)}`;
}

/** The nonce of a device cookie that is genuine, unexpired and issued for this address, else null. */
export function deviceOf(secret: string, cookie: string | undefined, email: string, now = Date.now()): string | null {
  if (!cookie) return null;
  const parts = cookie.split('.');
  if (parts.length !== 4) return null;
  const [nonce, expires, tag, signature] = parts as [string, string, string, string];
  if (!safeEqual(signature, mac(secret, `${nonce}.${expires}.${tag}`))) return null;
  if (Number(expires) * 1000 <= now) return null;
  return safeEqual(tag, addressTag(secret, email)) ? nonce : null;
}

const mac = (secret: string, body: string) => createHmac('sha256', secret).update(`device-cookie:${body}`).digest('base64url');
const addressTag = (secret: string, email: string) => createHmac('sha256', secret).update(`device-address:${email.toLowerCase()}`).digest('base64url').slice(0, 22);
