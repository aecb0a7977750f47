import { Group, List, Progress, Stack, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';
import { LIMITS } from './types';

type Checker = (password: string, userInputs: string[]) => number;

let checker: Checker | null = null;
let loading: Promise<Checker> | null = null;

/**
 * zxcvbn with the common and French dictionaries, as the server uses it
 * (server/lib/passwords.ts): ~1 MB of word lists, so loaded only on the pages
 * where a password is chosen.
 */
function loadPasswordChecker(): Promise<Checker> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-fr')]).then(
    ([core, common, fr]) => {
      const zxcvbn = new core.ZxcvbnFactory({ dictionary: { ...common.dictionary, ...fr.dictionary }, graphs: common.adjacencyGraphs });
      checker = (password, userInputs) => zxcvbn.check(password, userInputs).score;
      return checker;
    },
  );
  return loading;
}

/** Score 0..4, or null while the dictionaries load. */
function passwordScore(password: string, userInputs: string[] = []): number | null {
  return checker ? checker(password, userInputs) : null;
}

/** The server's rule: at least 12 characters and a zxcvbn score of 3 or more. */
export function newPasswordRule<V>(t: TFunction<'accounts'>, userInputs: (values: V) => string[] = () => []) {
  return (value: string, values: V) => {
    if (!value) return t('validation.required');
    if (value.length < LIMITS.passwordMin) return t('password.tooShort', { count: LIMITS.passwordMin });
    if (value.length > LIMITS.passwordMax) return t('validation.maxLength', { count: LIMITS.passwordMax });
    const score = passwordScore(value, userInputs(values).filter(Boolean));
    if (score !== null && score <= 2) return t('password.tooCommon');
    return null;
  };
}

/** The confirmation must repeat the new password typed in `field`. */
export function confirmRule<V>(t: TFunction<'accounts'>, field: keyof V) {
  return (value: string, values: V) => (value === values[field] ? null : t('password.mismatch'));
}

/** A form submit that first loads the dictionaries the "not common" rule needs, then validates and submits. */
export function submitAfterChecker(submit: () => void) {
  return async (event: React.FormEvent) => {
    event.preventDefault();
    await loadPasswordChecker();
    submit();
  };
}

function usePasswordChecker(): boolean {
  const [ready, setReady] = useState(checker !== null);
  useEffect(() => {
    let alive = true;
    void loadPasswordChecker().then(() => alive && setReady(true));
    return () => {
      alive = false;
    };
  }, []);
  return ready;
}

const levels = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'] as const;
const colors = ['red.8', 'red.8', 'ochre.7', 'cevennes.7', 'cevennes.8'];

interface NewPasswordFieldProps {
  label: string;
  value?: string;
  onChange?: (event: React.ChangeEvent<HTMLInputElement>) => void;
  onBlur?: () => void;
  onFocus?: () => void;
  error?: React.ReactNode;
  userInputs?: string[];
  autoFocus?: boolean;
}

/** A new password with its rules and a strength hint, checked as the user types. */
export function NewPasswordField({ userInputs = [], ...field }: NewPasswordFieldProps) {
  const { t } = useTranslation('accounts');
  const value = field.value ?? '';
  const ready = usePasswordChecker();
  const score = ready && value ? passwordScore(value, userInputs.filter(Boolean)) : null;
  const longEnough = value.length >= LIMITS.passwordMin;
  const notCommon = score !== null && score >= 3;
  const hintId = 'new-password-hint';

  return (
    <Stack gap={6}>
      <PasswordField {...field} value={value} required autoComplete="new-password" aria-describedby={hintId} />
      <Stack gap={4} id={hintId}>
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={score === null ? 0 : ((score + 1) / 5) * 100}
            color={score === null ? 'gray' : colors[score]}
            size="sm"
            style={{ flex: 1 }}
            aria-hidden="true"
          />
          <Text size="xs" c="dimmed" miw="8rem" ta="right">
            {score === null ? (value ? (ready ? '' : t('password.checking')) : t('password.empty')) : t(`password.level.${levels[score]!}`)}
          </Text>
        </Group>
        <List size="xs" spacing={2} center>
          <Rule ok={longEnough} text={t('password.ruleLength', { count: LIMITS.passwordMin })} t={t} />
          <Rule ok={notCommon} text={t('password.ruleCommon')} t={t} />
        </List>
      </Stack>
    </Stack>
  );
}

function Rule({ ok, text, t }: { ok: boolean; text: string; t: TFunction<'accounts'> }) {
  return (
    <List.Item
      icon={
        <ThemeIcon size={16} radius="xl" color={ok ? 'cevennes.7' : 'gray.6'} aria-hidden="true">
          <span style={{ fontSize: 10, lineHeight: 1 }}>{ok ? '✓' : '•'}</span>
        </ThemeIcon>
      }
    >
      <Text size="xs" c={ok ? 'cevennes.8' : 'dimmed'}>
        {text}
        <VisuallyHidden> {ok ? t('password.ruleMet') : t('password.ruleNotMet')}</VisuallyHidden>
      </Text>
    </List.Item>
  );
}
