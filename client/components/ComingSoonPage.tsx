import { Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './PageHeader';
import { EmptyState } from './States';

export type ComingSoonSection = 'trainings' | 'news' | 'documents' | 'statistics' | 'newsletters';

/** A section announced in the navigation whose capability is not delivered yet: a clear state, not a broken page. */
export function ComingSoonPage({ section }: { section: ComingSoonSection }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`comingSoon.${section}.title`)} actions={<Badge color="ochre" variant="light" size="lg">{t('comingSoon.badge')}</Badge>} />
      <EmptyState
        title={t('comingSoon.heading')}
        description={t(`comingSoon.${section}.description`)}
        action={
          <Button component={Link} to="/" variant="default">
            {t('errors.backHome')}
          </Button>
        }
      />
    </>
  );
}

export const TrainingsComingSoon = () => <ComingSoonPage section="trainings" />;
export const NewsComingSoon = () => <ComingSoonPage section="news" />;
export const DocumentsComingSoon = () => <ComingSoonPage section="documents" />;
export const StatisticsComingSoon = () => <ComingSoonPage section="statistics" />;
export const NewslettersComingSoon = () => <ComingSoonPage section="newsletters" />;
