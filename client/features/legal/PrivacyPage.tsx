import { Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { Bullets, ExternalLink, InternalLink, LegalSection, P } from './LegalPage';

const PRIVACY_CONTACT = 'dpo@espace-pro.sud-cevennes.test';

/** RGPD information notice (articles 13 and 14): who, why, how long, which rights and how to use them. */
export default function PrivacyPage() {
  const { t } = useTranslation();
  const retention = ['account', 'invitation', 'reset', 'session', 'audit', 'mails', 'erased'] as const;
  return (
    <>
      <PageHeader title={t('legal.privacy.title')} />
      <Stack gap="sm" maw={820}>
        <P>{t('legal.privacy.intro')}</P>

        <LegalSection title={t('legal.privacy.controllerTitle')}>
          <P>{t('legal.privacy.controller')}</P>
          <P>
            {t('legal.privacy.contact')} <ExternalLink href={`mailto:${PRIVACY_CONTACT}`}>{PRIVACY_CONTACT}</ExternalLink>
          </P>
        </LegalSection>

        <LegalSection title={t('legal.privacy.purposesTitle')}>
          <Bullets
            items={[
              t('legal.privacy.purposeAccounts'),
              t('legal.privacy.purposeService'),
              t('legal.privacy.purposeNewsletter'),
              t('legal.privacy.purposeStatistics'),
              t('legal.privacy.purposeSecurity'),
            ]}
          />
        </LegalSection>

        <LegalSection title={t('legal.privacy.dataTitle')}>
          <Bullets items={[t('legal.privacy.dataIdentity'), t('legal.privacy.dataEstablishment'), t('legal.privacy.dataPreferences'), t('legal.privacy.dataTechnical')]} />
        </LegalSection>

        <LegalSection title={t('legal.privacy.recipientsTitle')}>
          <P>{t('legal.privacy.recipients')}</P>
        </LegalSection>

        <LegalSection title={t('legal.privacy.retentionTitle')}>
          <Table.ScrollContainer minWidth={480}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('legal.privacy.retentionData')}</Table.Th>
                  <Table.Th scope="col">{t('legal.privacy.retentionDuration')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {retention.map((key) => (
                  <Table.Tr key={key}>
                    <Table.Th scope="row" fw={500}>{t(`legal.privacy.retention.${key}.data`)}</Table.Th>
                    <Table.Td>{t(`legal.privacy.retention.${key}.duration`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </LegalSection>

        <LegalSection title={t('legal.privacy.cookiesTitle')}>
          <P>{t('legal.privacy.cookies')}</P>
        </LegalSection>

        <LegalSection title={t('legal.privacy.rightsTitle')}>
          <P>{t('legal.privacy.rights')}</P>
          <Bullets
            items={[
              <>
                {t('legal.privacy.rightExport')} <InternalLink to="/profil#mes-donnees">{t('legal.privacy.profileLink')}</InternalLink>
              </>,
              <>
                {t('legal.privacy.rightErase')} <InternalLink to="/profil#supprimer">{t('legal.privacy.profileLink')}</InternalLink>
              </>,
              <>
                {t('legal.privacy.rightRectify')} <InternalLink to="/profil#preferences">{t('legal.privacy.profileLink')}</InternalLink>
              </>,
              t('legal.privacy.rightOther'),
            ]}
          />
          <P>
            {t('legal.privacy.cnil')} <ExternalLink href="https://www.cnil.fr/fr/plaintes">www.cnil.fr</ExternalLink>
          </P>
        </LegalSection>
      </Stack>
    </>
  );
}
