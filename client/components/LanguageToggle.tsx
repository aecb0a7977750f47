import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from '../features/accounts/signed-in';
import type { Language } from '../i18n';

/** For visitors not signed in: one button to switch to the other language, labelled in that language. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const other: Language = i18n.language === 'en' ? 'fr' : 'en';
  return (
    <Button variant="subtle" size="sm" lang={other} onClick={() => void changeLanguage(other)} title={other === 'en' ? t('shell.switchToEn') : t('shell.switchToFr')}>
      {t(`language.${other}`)}
    </Button>
  );
}
