import { Button, FileInput, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/States';
import { NEWSLETTER_LIMITS } from '../../../common/newsletters';
import { useUploadImage } from './api';

/**
 * The composer's own toolbar controls: insert an image (uploaded with its
 * required alt text, then placed at the cursor) and insert a personal field
 * (`{{prenom|ami partenaire}}`: filled per recipient, the fallback when the
 * value is missing).
 */
export function ComposerControls({ editor }: { editor: Editor }) {
  const { t } = useTranslation('newsletters');
  const { t: tc } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [altError, setAltError] = useState<string | null>(null);
  const upload = useUploadImage();
  const insertField = (name: 'prenom' | 'etablissement') => editor.chain().focus().insertContent(`{{${name}|${t(`composer.fallback.${name}`)}}}`).run();
  const submit = async () => {
    if (!alt.trim()) return setAltError(t('composer.altRequired'));
    if (!file) return;
    const image = await upload.mutateAsync({ file, alt: alt.trim() });
    editor.chain().focus().insertContent({ type: 'image', attrs: { src: image.url, alt: image.alt, width: image.width, height: image.height } }).run();
    setFile(null);
    setAlt('');
    close();
  };
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={open}>{t('composer.insertImage')}</Button>
      <Menu>
        <Menu.Target><Button size="compact-sm" variant="default">{t('composer.insertField')}</Button></Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => insertField('prenom')}>{t('composer.field.prenom')}</Menu.Item>
          <Menu.Item onClick={() => insertField('etablissement')}>{t('composer.field.etablissement')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={opened} onClose={close} title={t('composer.imageTitle')} closeButtonProps={{ 'aria-label': tc('common.close') }}>
        <Stack>
          <FileInput label={t('composer.imageFile')} accept="image/jpeg,image/png,image/webp,image/gif" required value={file} onChange={setFile} clearable clearButtonProps={{ 'aria-label': t('composer.imageClear') }} />
          <TextInput label={t('composer.imageAlt')} description={t('composer.imageAltHelp')} required maxLength={NEWSLETTER_LIMITS.imageAlt}
            value={alt} onChange={(e) => { setAlt(e.currentTarget.value); setAltError(null); }} error={altError} />
          <FormError error={upload.error} />
          <Button onClick={() => void submit()} loading={upload.isPending} disabled={!file}>{t('composer.imageInsert')}</Button>
        </Stack>
      </Modal>
    </>
  );
}
