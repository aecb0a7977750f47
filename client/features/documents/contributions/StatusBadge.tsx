import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContributionStatus } from '../../../../common/documents';

// The library's status badges' look and shades (outline: the text keeps AA contrast). A "light" badge with
// a shade index drew its text in its background colour: the status was an empty green pill.
const colors = { pending: 'ochre.8', approved: 'cevennes.8', declined: 'red.9' } as const satisfies Record<ContributionStatus, string>;

export function ContributionStatusBadge({ status }: { status: ContributionStatus }) {
  const { t } = useTranslation('contributions');
  return (
    <Badge variant="outline" color={colors[status]} tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}
