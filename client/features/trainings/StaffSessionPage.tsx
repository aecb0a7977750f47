import { Alert, Anchor, Button, Menu, SimpleGrid, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useDownload } from '../../components/useDownload';
import { formatNumber } from '../../lib/format';
import { files, useSession } from './api';
import { PlaceText, SessionStatusBadge } from './components';
import { formatDeadline } from './format';
import { SessionFrame } from './SessionFrame';
import { CancelSessionDialog } from './staff-session/CancelSessionDialog';
import { HistoryTab } from './staff-session/HistoryTab';
import { RegistrantsTab } from './staff-session/RegistrantsTab';
import { Stat } from './staff-session/Stat';
import { SurveyTab } from './staff-session/SurveyTab';
import { FillRate } from './StaffSessionsTable';

type Tab = 'inscrits' | 'historique' | 'enquete';
const TABS: Tab[] = ['inscrits', 'historique', 'enquete'];

/** Staff: one session with its registrants, waiting list history, exports, survey results and cancellation. */
export default function StaffSessionPage() {
  const { t } = useTranslation('trainings');
  const { id } = useParams();
  const query = useSession(id);
  const [params, setParams] = useSearchParams();
  const requested = params.get('onglet') as Tab | null;
  const tab: Tab = requested && TABS.includes(requested) ? requested : 'inscrits';
  const download = useDownload();
  const [cancelOpen, setCancelOpen] = useState(false);

  return (
    <SessionFrame
      query={query}
      parent={{ to: '/formations/gestion', label: t('staff.title') }}
      actions={(session) => (
        <>
          {session.status !== 'cancelled' ? (
            <>
              <Button component={Link} to={`/formations/gestion/sessions/${session.id}/modifier`} variant="default">
                {t('manage.edit')}
              </Button>
              <Button component={Link} to={`/formations/gestion/sessions/${session.id}/presences`}>
                {t('attendance.take')}
              </Button>
            </>
          ) : null}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" loading={download.busy !== null}>
                {t('manage.exports')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void download.run(files.registrantsCsv(session.id), 'inscrits.csv')}>
                {t('manage.exportCsv')}
              </Menu.Item>
              <Menu.Item onClick={() => void download.run(files.signatureSheet(session.id), 'feuille-emargement.pdf')}>
                {t('manage.exportSignature')}
              </Menu.Item>
              <Menu.Item onClick={() => void download.run(files.sessionIcs(session.id), 'session.ics')}>
                {t('session.addToCalendar')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {session.status !== 'cancelled' && session.status !== 'done' ? (
            <Button variant="outline" color="red.8" onClick={() => setCancelOpen(true)}>
              {t('manage.cancelSession.action')}
            </Button>
          ) : null}
        </>
      )}
    >
      {(session) => (
        <>
          {session.status === 'draft' ? (
            <Alert color="ochre" variant="light" mb="md" role="status">
              {t('manage.draftNotice')}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="lg">
            <Stat label={t('fields.status')}>
              <SessionStatusBadge status={session.status} />
            </Stat>
            <Stat label={t('staff.fillRate')}>
              <FillRate item={{ confirmedCount: session.confirmedCount, capacity: session.capacity, fillRate: session.capacity ? session.confirmedCount / session.capacity : 0 }} />
            </Stat>
            <Stat label={t('manage.offeredWaiting')}>
              {t('manage.offeredWaitingValue', { count: session.offeredCount, offered: formatNumber(session.offeredCount), waiting: formatNumber(session.waitingCount) })}
            </Stat>
            <Stat label={t('fields.signupDeadline')}>{formatDeadline(t, session.signupDeadline)}</Stat>
            <Stat label={t('session.place')}>
              <PlaceText place={session.place} />
            </Stat>
            <Stat label={t('fields.waitlistMode')}>
              {session.waitlistMode === 'offer'
                ? t('manage.modeOffer', { hours: session.offerHours })
                : t('sessionForm.modes.direct')}
            </Stat>
            <Stat label={t('fields.perEstablishmentCap')}>
              {session.perEstablishmentCap !== null ? formatNumber(session.perEstablishmentCap) : t('manage.noCap')}
            </Stat>
            <Stat label={t('manage.partnerView')}>
              <Anchor component={Link} to={`/formations/sessions/${session.id}`} size="sm">
                {t('manage.openPartnerView')}
              </Anchor>
            </Stat>
          </SimpleGrid>
          <Tabs value={tab} onChange={(v) => setParams(v && v !== 'inscrits' ? { onglet: v } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="inscrits">{t('manage.tabs.registrants')}</Tabs.Tab>
              <Tabs.Tab value="historique">{t('manage.tabs.history')}</Tabs.Tab>
              <Tabs.Tab value="enquete">{t('manage.tabs.survey')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="inscrits" pt="md">
              <RegistrantsTab session={session} />
            </Tabs.Panel>
            <Tabs.Panel value="historique" pt="md">
              <HistoryTab sessionId={session.id} />
            </Tabs.Panel>
            <Tabs.Panel value="enquete" pt="md">
              <SurveyTab sessionId={session.id} />
            </Tabs.Panel>
          </Tabs>
          <CancelSessionDialog key={String(cancelOpen)} session={session} opened={cancelOpen} onClose={() => setCancelOpen(false)} />
        </>
      )}
    </SessionFrame>
  );
}
