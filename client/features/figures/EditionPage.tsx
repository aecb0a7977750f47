import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../lib/format';
import { useEdition } from './api';
import { EditionTables } from './EditionTables';
import { monthLabel } from './format';

/** One edition of the Observatoire, as frozen when published. */
export default function EditionPage() {
  const { t } = useTranslation('figures');
  const { id = '' } = useParams();
  const edition = useEdition(id);
  return (
    <QueryState query={edition}>
      {(e) => (
        <>
          <PageHeader
            title={t('observatoire.edition', { month: monthLabel(e.month) })}
            description={e.publishedBy ? t('observatoire.publishedBy', { date: formatDate(e.publishedAt), name: e.publishedBy }) : t('observatoire.publishedOn', { date: formatDate(e.publishedAt) })}
          />
          <Stack gap="md">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</Text>
            <EditionTables data={e.data} />
            <Anchor component={Link} to="/observatoire">{t('observatoire.back')}</Anchor>
          </Stack>
        </>
      )}
    </QueryState>
  );
}
