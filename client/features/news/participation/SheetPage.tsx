import { Alert, Badge, Button, Group, Image, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NEWS_LIMITS } from '../../../../common/news';
import type { NewsSheet } from '../../../../server/schemas/news';
import { PageHeader } from '../../../components/PageHeader';
import { QueryState } from '../../../components/QueryState';
import { ApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { useUser } from '../../accounts/signed-in';
import { useReaction, useReviewSheet, useSheet } from './api';
import { PostComments } from './PostComments';

/** One experience sheet: its establishment, sections and figures; staff's decision while it is submitted; comments once published. */
export default function SheetPage() {
  const { id } = useParams();
  const query = useSheet(id);
  return <QueryState query={query}>{(sheet) => <SheetView sheet={sheet} />}</QueryState>;
}

function SheetView({ sheet }: { sheet: NewsSheet }) {
  const { t } = useTranslation('news');
  const me = useUser();
  const react = useReaction();
  const staff = me.role !== 'partner';
  const sections = [['context', sheet.context], ['actions', sheet.actions], ['result', sheet.result]] as const;
  return (
    <>
      <PageHeader
        title={sheet.title}
        description={`${sheet.establishment.name}${sheet.establishment.communeName ? ` · ${sheet.establishment.communeName}` : ''}${sheet.publishedAt ? ` · ${t('participation.sheets.publishedOn', { date: formatDate(sheet.publishedAt) })}` : ''}`}
        actions={sheet.editable ? <Button component={Link} to={`/retours-experience/${sheet.id}/modifier`} variant="default">{t('participation.sheets.edit')}</Button> : null}
      />
      {sheet.status !== 'published' ? <Badge mb="sm" variant="light">{t(`participation.sheets.status.${sheet.status}`)}</Badge> : null}
      {sheet.staffRemark ? <Alert mb="md" color="yellow">{t('participation.sheets.remark', { remark: sheet.staffRemark })}</Alert> : null}
      <Stack gap="lg" maw="48rem">
        {sections.map(([key, text]) => (
          <section key={key}>
            <Title order={2} fz="h3" mb={4}>{t(`participation.sheets.${key}`)}</Title>
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Text>
          </section>
        ))}
        {sheet.photos.length ? (
          <section aria-labelledby="sheet-photos">
            <Title order={2} fz="h3" mb={4} id="sheet-photos">{t('participation.sheets.photos')}</Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {sheet.photos.map((p) => (
                <figure key={p.id} style={{ margin: 0 }}>
                  <Image src={p.url} alt={p.alt} radius="sm" style={{ aspectRatio: `${p.width} / ${p.height}` }} loading="lazy" />
                </figure>
              ))}
            </SimpleGrid>
          </section>
        ) : null}
        {sheet.figures?.length ? (
          <section>
            <Title order={2} fz="h3" mb={4}>{t('participation.sheets.figures')}</Title>
            <Table>
              <Table.Thead><Table.Tr><Table.Th>{t('participation.sheets.figureLabel')}</Table.Th><Table.Th>{t('participation.sheets.figureValue')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {sheet.figures.map((f, i) => <Table.Tr key={i}><Table.Td>{f.label}</Table.Td><Table.Td>{f.value}</Table.Td></Table.Tr>)}
              </Table.Tbody>
            </Table>
          </section>
        ) : null}
        {sheet.status === 'published' ? (
          <Group>
            <Button variant={sheet.reactions.mine ? 'light' : 'default'} aria-pressed={sheet.reactions.mine} onClick={() => react.mutate({ kind: 'sheet', id: sheet.id, on: !sheet.reactions.mine })}>
              {t('participation.useful', { count: sheet.reactions.count })}
            </Button>
          </Group>
        ) : null}
        {staff && sheet.status === 'submitted' ? <ReviewBox id={sheet.id} /> : null}
        {sheet.status === 'published' ? <PostComments target={{ kind: 'sheet', id: sheet.id }} /> : null}
      </Stack>
    </>
  );
}

function ReviewBox({ id }: { id: string }) {
  const { t } = useTranslation('news');
  const review = useReviewSheet(id);
  const [remark, setRemark] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: 'publish' | 'return' | 'decline') => {
    setError(null);
    try {
      await review.mutateAsync(decision === 'publish' ? { decision } : { decision, remark });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <Stack component="section" aria-labelledby="review-title" gap="xs">
      <Title order={2} fz="h3" id="review-title">{t('participation.sheets.review.title')}</Title>
      <Textarea label={t('participation.sheets.review.remark')} maxLength={NEWS_LIMITS.staffRemark} value={remark} onChange={(e) => setRemark(e.currentTarget.value)} autosize minRows={2} error={error} />
      <Group gap="xs">
        <Button onClick={() => void decide('publish')} loading={review.isPending}>{t('participation.sheets.review.publish')}</Button>
        <Button variant="default" disabled={!remark.trim()} onClick={() => void decide('return')}>{t('participation.sheets.review.return')}</Button>
        <Button variant="default" color="red" disabled={!remark.trim()} onClick={() => void decide('decline')}>{t('participation.sheets.review.decline')}</Button>
      </Group>
    </Stack>
  );
}
