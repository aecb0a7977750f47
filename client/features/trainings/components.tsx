import { Anchor, Badge, Box, Button, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isStaff } from '../../../common/roles';
import { useUser } from '../accounts/signed-in';
import { formatNumber } from '../../lib/format';
import { placeLabel, REGISTRATION_COLORS, STATUS_COLORS } from './format';
import type { MyRegistration, Place, SessionStatus, Theme } from './types';

export function ThemeBadge({ theme }: { theme: Theme }) {
  const { t } = useTranslation('trainings');
  return (
    <Badge variant="light" color="cevennes" tt="none">
      {t(`themes.${theme}`)}
    </Badge>
  );
}

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation('trainings');
  return (
    <Badge variant={status === 'cancelled' ? 'outline' : 'light'} color={status === 'cancelled' ? 'red.9' : STATUS_COLORS[status]} tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** "3 places restantes", "Complet" or "Complet · 4 en attente": the first thing a partner looks for. */
export function SeatsBadge({ seatsLeft, waitingCount }: { seatsLeft: number; waitingCount: number }) {
  const { t } = useTranslation('trainings');
  if (seatsLeft > 0 && waitingCount === 0) {
    return (
      <Badge variant="filled" color="cevennes" tt="none" size="lg">
        {t('seats.left', { count: seatsLeft, formatted: formatNumber(seatsLeft) })}
      </Badge>
    );
  }
  return (
    <Badge variant="filled" color="ochre.8" tt="none" size="lg">
      {waitingCount > 0
        ? t('seats.fullWaiting', { count: waitingCount, formatted: formatNumber(waitingCount) })
        : t('seats.full')}
    </Badge>
  );
}

/** The signed-in user's own registration, in words: "Inscrit·e", "Liste d'attente : n° 3", "Place proposée". */
export function MyRegistrationBadge({ registration }: { registration: MyRegistration | null }) {
  const { t } = useTranslation('trainings');
  if (!registration) return null;
  const label =
    registration.status === 'waiting' && registration.position !== null
      ? t('registration.waitingPosition', { position: registration.position })
      : t(`registration.status.${registration.status}`);
  return (
    <Badge variant="outline" color={REGISTRATION_COLORS[registration.status] === 'gray' ? 'gray.7' : `${REGISTRATION_COLORS[registration.status]}.8`} tt="none">
      {label}
    </Badge>
  );
}

/** A line with a link that opens in a new tab, and says so to screen readers. */
function NewTabLink({ href, children }: { href: string; children: string }) {
  const { t } = useTranslation('trainings');
  return (
    <Text size="sm">
      <Anchor href={href} target="_blank" rel="noopener noreferrer">
        {children}
        <VisuallyHidden> ({t('common.newTab')})</VisuallyHidden>
      </Anchor>
    </Text>
  );
}

/** The place, with an OpenStreetMap link for a physical place and the meeting link when the server gives it. */
export function PlaceText({ place, withLinks = true }: { place: Place; withLinks?: boolean }) {
  const { t } = useTranslation('trainings');
  return (
    <Box>
      <Text span>{placeLabel(t, place)}</Text>
      {withLinks && place.kind === 'office' && place.address ? (
        <Text size="sm" c="dimmed">
          {[place.address, place.communeName].filter(Boolean).join(', ')}
        </Text>
      ) : null}
      {withLinks && place.mapUrl ? <NewTabLink href={place.mapUrl}>{t('place.map')}</NewTabLink> : null}
      {withLinks && place.kind === 'online' ? (
        place.onlineUrl ? (
          <NewTabLink href={place.onlineUrl}>{t('place.join')}</NewTabLink>
        ) : (
          <Text size="sm" c="dimmed">
            {t('place.onlineHidden')}
          </Text>
        )
      ) : null}
    </Box>
  );
}

/** The training's description: HTML sanitised by the server (allow-list of tags) before it was stored. */
export { RichTextHtml as DescriptionHtml } from '../../components/RichTextHtml';

interface SubNavItem {
  to: string;
  label: string;
  exact?: boolean;
}

/** Secondary navigation between the trainings pages (the main menu has one "Formations" entry). */
export function TrainingsNav() {
  const { t } = useTranslation('trainings');
  const user = useUser();
  const { pathname } = useLocation();
  const office = isStaff(user);
  const items: SubNavItem[] = [
    { to: '/formations', label: t('nav.upcoming'), exact: true },
    { to: '/formations/mes-formations', label: t('nav.mine') },
    ...(office
      ? [
          { to: '/formations/gestion', label: t('nav.sessions'), exact: true },
          { to: '/formations/gestion/catalogue', label: t('nav.catalogue') },
        ]
      : []),
  ];
  const isCurrent = (item: SubNavItem) =>
    item.exact ? pathname === item.to || (item.to === '/formations/gestion' && pathname.startsWith('/formations/gestion/sessions')) : pathname.startsWith(item.to);
  return (
    <Box component="nav" aria-label={t('nav.label')} mb="md">
      <Group gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((item) => {
          const current = isCurrent(item);
          return (
            <li key={item.to}>
              <Button
                component={Link}
                to={item.to}
                size="compact-md"
                variant={current ? 'light' : 'subtle'}
                aria-current={current ? 'page' : undefined}
                fw={current ? 700 : 500}
              >
                {item.label}
              </Button>
            </li>
          );
        })}
      </Group>
    </Box>
  );
}
