import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { Bullets, ExternalLink, LegalSection, P } from './LegalPage';

/** Date of the last self-assessment, shown in the statement. */
const STATEMENT_DATE = '2025-11-26';
const ACCESSIBILITY_CONTACT = 'accessibilite@espace-pro.sud-cevennes.test';

/** RGAA accessibility statement (model of the DINUM), required for a public-service body's extranet. */
export default function AccessibilityPage() {
  const { t } = useTranslation('legal');
  return (
    <>
      <PageHeader title={t('a11y.title')} />
      <Stack gap="sm" maw={780}>
        <P>{t('a11y.intro1')}</P>
        <P>{t('a11y.intro2')}</P>

        <LegalSection title={t('a11y.statusTitle')}>
          <Alert color="ochre" variant="light" title={t('a11y.statusLabel')}>
            {t('a11y.status')}
          </Alert>
        </LegalSection>

        <LegalSection title={t('a11y.resultsTitle')} text={t('a11y.results')} />

        <LegalSection title={t('a11y.nonAccessibleTitle')}>
          <Title3>{t('a11y.nonCompliantTitle')}</Title3>
          <Bullets items={[t('a11y.nonCompliant1'), t('a11y.nonCompliant2'), t('a11y.nonCompliant3')]} />
          <Title3>{t('a11y.derogationsTitle')}</Title3>
          <P>{t('a11y.derogations')}</P>
          <Title3>{t('a11y.exemptTitle')}</Title3>
          <P>{t('a11y.exempt')}</P>
        </LegalSection>

        <LegalSection
          title={t('a11y.establishedTitle')}
          text={t('a11y.established', { date: formatDate(STATEMENT_DATE) })}
          bullets={[t('a11y.technologies'), t('a11y.tools'), t('a11y.environment'), t('a11y.pages')]}
        />

        <LegalSection
          title={t('a11y.contactTitle')}
          text={t('a11y.contact')}
          bullets={[
            <>
              {t('a11y.contactEmail')} <ExternalLink href={`mailto:${ACCESSIBILITY_CONTACT}`}>{ACCESSIBILITY_CONTACT}</ExternalLink>
            </>,
            t('a11y.contactOffices'),
          ]}
        />

        <LegalSection
          title={t('a11y.recourseTitle')}
          text={t('a11y.recourse')}
          bullets={[
            <ExternalLink key="form" href="https://formulaire.defenseurdesdroits.fr/">{t('a11y.recourseForm')}</ExternalLink>,
            <ExternalLink key="delegates" href="https://www.defenseurdesdroits.fr/saisir/delegues">{t('a11y.recourseDelegate')}</ExternalLink>,
            t('a11y.recourseMail'),
          ]}
        />
      </Stack>
    </>
  );
}

function Title3({ children }: { children: string }) {
  return (
    <Title order={3} fz="h4" mt="xs">
      {children}
    </Title>
  );
}
