import { Anchor, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSegments } from './api';

interface SegmentPickerProps {
  value: string | null | undefined;
  onChange: (segmentId: string | null) => void;
  error?: string;
}

/**
 * The campaign form's choice of a saved segment (optional): when one is
 * chosen, the campaign's recipients at launch are that segment's among its
 * topic's subscribers, and the audience is not read.
 */
export function SegmentPicker({ value, onChange, error }: SegmentPickerProps) {
  const { t } = useTranslation('newsletters');
  const segments = useSegments();
  return (
    <Stack gap={4}>
      <Select
        label={t('segments.picker')} description={t('segments.pickerHelp')} placeholder={t('segments.pickerNone')} clearable searchable
        data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={value ?? null} onChange={(v) => onChange(v)} error={error}
      />
      <Anchor component={Link} to="/lettres/segments" size="sm">{t('segments.manage')}</Anchor>
    </Stack>
  );
}
