import { Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ExternalLink, InternalLink, LegalSection, P } from './LegalPage';

const PRIVACY_CONTACT = 'dpo@espace-pro.sud-cevennes.test';

/** RGPD information notice (articles 13 and 14): who, why, how long, which rights and how to use them. */
export default function PrivacyPage() {
  const { t } = useTranslation('legal');
  const retention = ['account', 'invitation', 'reset', 'session', 'audit', 'mails', 'erased'] as const;
  return (
    <>
      <PageHeader title={t('privacy.title')} />
      <Stack gap="sm" maw={820}>
        <P>{t('privacy.intro')}</P>

        <LegalSection title={t('privacy.controllerTitle')} text={t('privacy.controller')}>
          <P>
            {t('privacy.contact')} <ExternalLink href={`mailto:${PRIVACY_CONTACT}`}>{PRIVACY_CONTACT}</ExternalLink>
          </P>
        </LegalSection>

        <LegalSection
          title={t('privacy.purposesTitle')}
          bullets={[
            t('privacy.purposeAccounts'),
            t('privacy.purposeService'),
            t('privacy.purposeNewsletter'),
            t('privacy.purposeStatistics'),
            t('privacy.purposeSecurity'),
          ]}
        />

        <LegalSection
          title={t('privacy.dataTitle')}
          bullets={[t('privacy.dataIdentity'), t('privacy.dataEstablishment'), t('privacy.dataPreferences'), t('privacy.dataTechnical')]}
        />

        <LegalSection title={t('privacy.recipientsTitle')} text={t('privacy.recipients')} />

        <LegalSection title={t('privacy.retentionTitle')}>
          <Table.ScrollContainer minWidth={480}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('privacy.retentionData')}</Table.Th>
                  <Table.Th scope="col">{t('privacy.retentionDuration')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {retention.map((key) => (
                  <Table.Tr key={key}>
                    <Table.Th scope="row" fw={500}>{t(`privacy.retention.${key}.data`)}</Table.Th>
                    <Table.Td>{t(`privacy.retention.${key}.duration`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </LegalSection>

        <LegalSection title={t('privacy.cookiesTitle')} text={t('privacy.cookies')} />

        <LegalSection
          title={t('privacy.rightsTitle')}
          text={t('privacy.rights')}
          bullets={[
            <>
              {t('privacy.rightExport')} <InternalLink to="/profil#mes-donnees">{t('privacy.profileLink')}</InternalLink>
            </>,
            <>
              {t('privacy.rightErase')} <InternalLink to="/profil#supprimer">{t('privacy.profileLink')}</InternalLink>
            </>,
            <>
              {t('privacy.rightRectify')} <InternalLink to="/profil#preferences">{t('privacy.profileLink')}</InternalLink>
            </>,
            t('privacy.rightOther'),
          ]}
        >
          <P>
            {t('privacy.cnil')} <ExternalLink href="https://www.cnil.fr/fr/plaintes">www.cnil.fr</ExternalLink>
          </P>
        </LegalSection>
      </Stack>
    </>
  );
}
