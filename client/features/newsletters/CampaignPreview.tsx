import { Box, Card, Code, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageSkeleton } from '../../components/States';
import { usePreview } from './api';

type View = 'desktop' | 'phone' | 'text';
/** The widths a reader sees it at: a desktop mail client's reading pane and a phone. */
const WIDTHS: Record<Exclude<View, 'text'>, number> = { desktop: 640, phone: 360 };

/**
 * The mail as a recipient gets it (my own first name and establishment in
 * the personal fields), at desktop and phone width, and its plain-text part.
 * The HTML is shown in an iframe with srcdoc and an empty sandbox: no script
 * runs, nothing reaches the page.
 */
export function CampaignPreview({ id }: { id: string }) {
  const { t, i18n } = useTranslation('newsletters');
  const [view, setView] = useState<View>('desktop');
  const preview = usePreview(id, i18n.language.startsWith('en') ? 'en' : 'fr');
  // Three labels side by side overflow a phone's card (« Texte brut » was cut off at 360 px): stacked there.
  const stacked = useMediaQuery('(max-width: 30em)', false, { getInitialValueInEffect: false });
  return (
    <Card withBorder>
      <Stack>
        <Text fw={600} component="h2" size="lg">{t('preview.title')}</Text>
        <SegmentedControl aria-label={t('preview.view')} fullWidth orientation={stacked ? 'vertical' : 'horizontal'} value={view} onChange={(v) => setView(v as View)}
          data={(['desktop', 'phone', 'text'] as const).map((v) => ({ value: v, label: t(`preview.${v}`) }))} />
        {preview.isPending ? <PageSkeleton /> : preview.isError ? <ErrorState error={preview.error} onRetry={() => void preview.refetch()} /> : view === 'text' ? (
          <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 600, overflow: 'auto' }} aria-label={t('preview.textLabel')}>{preview.data.text}</Code>
        ) : (
          <Box style={{ overflowX: 'auto' }}>
            {/* Never wider than the card: on a phone the phone view reflows to the screen, as the mail itself would, instead of being cut. */}
            <iframe title={t(`preview.frame.${view}`)} srcDoc={preview.data.html} sandbox="" width={WIDTHS[view]} height={640}
              style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 8, display: 'block', margin: '0 auto', maxWidth: '100%' }} />
          </Box>
        )}
      </Stack>
    </Card>
  );
}
