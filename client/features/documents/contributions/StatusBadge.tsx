import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContributionStatus } from '../../../../common/documents';

// Dark shades: the badge text keeps AA contrast (STACK.md, accessibility).
const colors = { pending: 'yellow.9', approved: 'green.9', declined: 'red.9' } as const satisfies Record<ContributionStatus, string>;

export function ContributionStatusBadge({ status }: { status: ContributionStatus }) {
  const { t } = useTranslation('contributions');
  return (
    <Badge variant="light" color={colors[status]}>
      {t(`status.${status}`)}
    </Badge>
  );
}
