import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX_LENGTH } from '../../common/limits';

/** Mantine's PasswordInput with a translated, keyboard-reachable "show password" toggle. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': t('fields.showPassword') }}
      maxLength={PASSWORD_MAX_LENGTH}
      // Every password field is required; the form says so once (RequiredNote) rather than with an asterisk.
      withAsterisk={false}
      {...props}
    />
  );
}
