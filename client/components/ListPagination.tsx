import { Box, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page links with translated names, inside a labelled navigation landmark. */
export function ListPagination({ total, pageSize, page, onChange }: { total: number; pageSize: number; page: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Box component="nav" aria-label={t('common.pagination.label')}>
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        siblings={1}
        getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
        getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
      />
    </Box>
  );
}
