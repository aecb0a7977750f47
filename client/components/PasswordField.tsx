import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's PasswordInput with a translated, keyboard-reachable "show password" toggle. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
      maxLength={128}
      // Every password field is required; the form says so once (RequiredNote) rather than with an asterisk.
      withAsterisk={false}
      {...props}
    />
  );
}
