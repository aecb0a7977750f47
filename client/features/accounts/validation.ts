import i18next from 'i18next';
import { LIMITS } from './types';

// Same rules as the server's schemas, so that forms warn while typing. Messages come from the
// common catalogue, in the language of the moment the form is checked.

const t = i18next.t.bind(i18next);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Log-in and "forgotten password" accept any address with an @, as the server does (the first administrator may be admin@localhost). */
const LOGIN_EMAIL = /^[^\s@]+@[^\s@]+$/;
const PHONE = /^[0-9+(). -]+$/;

export function requiredText(max: number) {
  return (value: string) => {
    if (!value.trim()) return t('validation.required');
    if (value.length > max) return t('validation.maxLength', { count: max });
    return null;
  };
}

export function optionalText(max: number) {
  return (value: string) => (value.length > max ? t('validation.maxLength', { count: max }) : null);
}

export function emailRule({ optional = false, login = false } = {}) {
  return (value: string) => {
    const v = value.trim();
    if (!v) return optional ? null : t('validation.required');
    if (v.length > LIMITS.email) return t('validation.maxLength', { count: LIMITS.email });
    return (login ? LOGIN_EMAIL : EMAIL).test(v) ? null : t('validation.email');
  };
}

export function phoneRule() {
  return (value: string) => {
    const v = value.trim();
    if (!v) return null;
    if (v.length < LIMITS.phoneMin || v.length > LIMITS.phone || !PHONE.test(v)) return t('validation.phone');
    return null;
  };
}

export function websiteRule() {
  return (value: string) => {
    const v = value.trim();
    if (!v) return null;
    if (v.length > LIMITS.website) return t('validation.maxLength', { count: LIMITS.website });
    if (!/^https?:\/\//i.test(v)) return t('validation.website');
    try {
      new URL(v);
      return null;
    } catch {
      return t('validation.website');
    }
  };
}

/** Empty optional text is sent as null (clears the field on the server). */
export function orNull(value: string): string | null {
  const v = value.trim();
  return v ? v : null;
}
