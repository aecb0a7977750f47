import { Textarea, type TextareaProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A textarea whose description counts the characters left, so that the server's length limit is no surprise. */
export function CountedTextarea({ max, value, ...props }: Omit<TextareaProps, 'description'> & { max: number; value?: string }) {
  const { t } = useTranslation();
  return <Textarea {...props} value={value} description={t('common.charactersLeft', { count: max - (value ?? '').length })} autosize />;
}
