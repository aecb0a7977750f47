import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface FormActionsProps {
  submitLabel: string;
  saving: boolean;
  /** E.g. an edit form with nothing changed yet. */
  disabled?: boolean;
  /** "Annuler" as a button running this… */
  onCancel?: () => void;
  /** …or as a link back to this address. */
  cancelTo?: string;
}

/** A form's footer: the submit button, then "Annuler" when the form can be left without saving. */
export function FormActions({ submitLabel, saving, disabled = false, onCancel, cancelTo }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="sm">
      <Button type="submit" loading={saving} disabled={disabled}>
        {submitLabel}
      </Button>
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
      {cancelTo ? (
        <Button variant="default" component={Link} to={cancelTo}>
          {t('common.cancel')}
        </Button>
      ) : null}
    </Group>
  );
}
