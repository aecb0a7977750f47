import { Anchor, Group, Menu, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RowActionsMenu } from '../../../components/RowActionsMenu';
import { folderLink } from '../folders/tree';
import type { Folder } from '../types';

interface FolderCardsProps {
  folders: Folder[];
  heading: string;
  /** Staff: the folder's actions; partners get none. */
  onAction?: (action: 'edit' | 'move' | 'delete', folder: Folder) => void;
}

/** The sub-folders of where one is: a link each, and for staff a menu to rename, move or delete it. */
export function FolderCards({ folders, heading, onAction }: FolderCardsProps) {
  const { t } = useTranslation('documents');
  if (folders.length === 0) return null;
  return (
    <section aria-labelledby="library-folders" style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
      <Title order={2} size="h4" id="library-folders" mb="xs">
        {heading}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {folders.map((folder) => (
          <Paper component="li" key={folder.id} withBorder radius="md" p="sm">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" style={{ flex: 'none' }}>
                  <path d="M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="currentColor" opacity="0.7" />
                </svg>
                <Anchor component={Link} to={folderLink(folder.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {folder.name}
                </Anchor>
              </Group>
              {onAction ? (
                <RowActionsMenu label={t('folders.actionsFor', { name: folder.name })}>
                  <Menu.Item onClick={() => onAction('edit', folder)}>{t('folders.rename')}</Menu.Item>
                  <Menu.Item onClick={() => onAction('move', folder)}>{t('folders.move')}</Menu.Item>
                  <Menu.Item color="red.8" onClick={() => onAction('delete', folder)}>
                    {t('folders.delete')}
                  </Menu.Item>
                </RowActionsMenu>
              ) : null}
            </Group>
            {folder.audience.kind !== 'everyone' ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t(`audience.${folder.audience.kind}`)}
              </Text>
            ) : null}
          </Paper>
        ))}
      </SimpleGrid>
    </section>
  );
}
