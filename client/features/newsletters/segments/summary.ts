import { useTranslation } from 'react-i18next';
import type { SegmentFilter } from '../../../../common/newsletter-segments';

/** One line saying what a segment keeps (who, then each criterion in use). */
export function useSegmentSummary() {
  const { t } = useTranslation('newsletters');
  return (f: SegmentFilter): string => {
    const what = f.categories.length + f.subcategories.length;
    const where = f.communes.length + f.communautes.length + f.offices.length;
    return [
      t(`segments.summary.${f.people}`),
      what ? t('segments.summary.categories', { count: what }) : null,
      where ? t('segments.summary.places', { count: where }) : null,
      f.labels.length ? t('segments.summary.labels', { count: f.labels.length }) : null,
      f.membershipYears.length ? t('segments.summary.years', { years: f.membershipYears.join(', ') }) : null,
      f.figuresMissingLastMonth ? t('segments.summary.figures') : null,
      f.languages.length ? t('segments.summary.languages', { languages: f.languages.join(', ') }) : null,
      f.training ? t('segments.summary.training') : null,
    ].filter(Boolean).join(' · ');
  };
}
