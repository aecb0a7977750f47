import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ProfileSection } from '../../../components/ProfileSection';
import { useDownload } from '../../../components/useDownload';
import { myDataExport } from '../api';

/** « Mes données » (RGPD, right of access): a copy of the personal data the Espace Pro holds on the user, as a JSON file. */
export function DataSection() {
  const { t } = useTranslation('accounts');
  const download = useDownload();
  return (
    <ProfileSection id="mes-donnees" title={t('profile.data.title')} description={t('profile.data.description')}>
      <Group>
        <Button
          variant="default"
          loading={download.busy !== null}
          onClick={async () => {
            if (await download.run(myDataExport.path, myDataExport.fallbackName())) {
              notifications.show({ color: 'cevennes', message: t('profile.data.downloaded') });
            }
          }}
        >
          {t('profile.data.download')}
        </Button>
      </Group>
    </ProfileSection>
  );
}
