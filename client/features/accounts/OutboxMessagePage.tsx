import { Anchor, Box, Code, Group, Paper, Stack, Tabs } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Fact } from '../../components/Fact';
import { PageBreadcrumbs } from '../../components/PageBreadcrumbs';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, PageSkeleton } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useOutboxMessage } from './api';

/**
 * The e-mail's HTML goes into a sandboxed iframe: no script runs and it
 * cannot touch this page; links open in a new tab (<base target="_blank">).
 */
function previewDocument(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${base}`) : `${base}${html}`;
}

/** Plain text with its http(s) links made clickable (as React elements, never as HTML). */
function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"')]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <Anchor key={i} href={part} style={{ wordBreak: 'break-all' }}>
            {part}
          </Anchor>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

export default function OutboxMessagePage() {
  const { t } = useTranslation('accounts');
  const { id } = useParams();
  const message = useOutboxMessage(id);
  const m = message.data;

  return (
    <>
      <PageBreadcrumbs links={[{ to: '/boite-d-envoi', label: t('nav.outbox') }]} current={m?.subject ?? t('outbox.message')} />
      <PageHeader title={m?.subject ?? t('outbox.message')} />
      {message.isPending ? <PageSkeleton lines={8} /> : null}
      {message.isError ? <ErrorState error={message.error} onRetry={() => void message.refetch()} /> : null}
      {m ? (
        <Stack gap="md">
          <Group gap="xl">
            <Fact label={t('outbox.to')}>{m.toAddress}</Fact>
            <Fact label={t('outbox.date')}>{formatDateTime(m.createdAt)}</Fact>
          </Group>
          <Tabs defaultValue="html" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="html">{t('outbox.htmlTab')}</Tabs.Tab>
              <Tabs.Tab value="text">{t('outbox.textTab')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="md">
              <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
                <Box
                  component="iframe"
                  title={t('outbox.previewTitle', { subject: m.subject })}
                  sandbox="allow-popups allow-popups-to-escape-sandbox"
                  srcDoc={previewDocument(m.html)}
                  w="100%"
                  h={640}
                  style={{ border: 0, display: 'block', background: 'white' }}
                />
              </Paper>
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="md">
              <Code block style={{ whiteSpace: 'pre-wrap' }} data-testid="outbox-text">
                <LinkifiedText text={m.text} />
              </Code>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}
    </>
  );
}
