import type { ReactNode } from 'react';
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import { formatDateTime, type Locale } from '../../common/format';

/** Dates in mails are shown in the office's time zone, whatever the server's (common/format.ts). */
export { formatDateTime, type Locale };

export const OFFICE_NAME = 'Office de Tourisme Intercommunautaire Sud Cévennes';
export const PRODUCT_NAME = 'Espace Pro Sud Cévennes';

/**
 * Calm green and stone palette. Every text/background pair is at least
 * WCAG AA (4.5:1): green-800 on white 9.6:1, white on green-800 9.6:1,
 * stone-600 on stone-100 6.9:1, stone-800 on white 14:1.
 */
export const colors = {
  green: '#2d5a3d',
  greenDark: '#1f4029',
  greenLight: '#e8f0ea',
  stone: '#f5f5f4',
  stoneBorder: '#d6d3d1',
  text: '#292524',
  muted: '#57534e',
  white: '#ffffff',
} as const;

const layoutCopy = {
  fr: { tagline: 'Le centre de ressources des professionnels du tourisme', signature: 'L’équipe de l’office de tourisme', site: 'Accéder à l’Espace Pro' },
  en: { tagline: 'The resource centre for tourism professionals', signature: 'The tourist office team', site: 'Go to Espace Pro' },
} as const;

export interface LayoutProps {
  locale: Locale;
  /** Inbox preview line (hidden in the body, skipped in the plain-text part). */
  preview: string;
  /** Why the recipient receives this mail (shown in the footer). */
  reason: string;
  homeUrl: string;
  children: ReactNode;
}

/** The frame every mail shares: office identity, content card, footer with the office name and the reason. */
export function Layout({ locale, preview, reason, homeUrl, children }: LayoutProps) {
  const copy = layoutCopy[locale];
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        {/* A document title: screen readers announce it when the mail is opened as a page (and axe requires one). */}
        <title>{PRODUCT_NAME}</title>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: colors.stone, color: colors.text, fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' }}>
        <Container style={{ maxWidth: '560px', margin: '0 auto' }}>
          <Section style={{ backgroundColor: colors.green, borderRadius: '8px 8px 0 0', padding: '20px 32px' }}>
            <Text style={{ color: colors.white, fontSize: '20px', fontWeight: 700, lineHeight: '26px', margin: 0 }}>{PRODUCT_NAME}</Text>
            <Text style={{ color: colors.greenLight, fontSize: '14px', lineHeight: '20px', margin: '4px 0 0' }}>{copy.tagline}</Text>
          </Section>
          <Section style={{ backgroundColor: colors.white, border: `1px solid ${colors.stoneBorder}`, borderTop: 'none', borderRadius: '0 0 8px 8px', padding: '24px 32px 28px' }}>
            {children}
            <Text style={{ ...paragraph, marginTop: '24px' }}>{copy.signature}</Text>
          </Section>
          <Section style={{ padding: '16px 32px' }}>
            <Text style={footerText}>
              <strong>{OFFICE_NAME}</strong> — {PRODUCT_NAME}
            </Text>
            <Text style={footerText}>{reason}</Text>
            <Text style={footerText}>
              <Link href={homeUrl} style={{ color: colors.green, textDecoration: 'underline' }}>{copy.site}</Link>
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const paragraph = { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px', color: colors.text } as const;
const footerText = { fontSize: '13px', lineHeight: '20px', margin: '0 0 6px', color: colors.muted } as const;

export function Heading1({ children }: { children: ReactNode }) {
  return <Heading as="h1" style={{ fontSize: '22px', lineHeight: '30px', fontWeight: 700, color: colors.greenDark, margin: '0 0 16px' }}>{children}</Heading>;
}

/** The main call to action, followed by the raw link for clients that do not show buttons. */
export function CallToAction({ href, label, fallback }: { href: string; label: string; fallback: string }) {
  return (
    <>
      <Section style={{ margin: '8px 0 20px' }}>
        <Button href={href} style={{ backgroundColor: colors.green, color: colors.white, borderRadius: '6px', fontSize: '16px', fontWeight: 700, padding: '12px 22px', textDecoration: 'none' }}>
          {label}
        </Button>
      </Section>
      <Text style={{ fontSize: '13px', lineHeight: '20px', color: colors.muted, margin: '0 0 16px' }} data-skip-in-text="true">
        {fallback}{' '}
        <Link href={href} style={{ color: colors.green, wordBreak: 'break-all' }}>{href}</Link>
      </Text>
    </>
  );
}

/** A quieter closing remark (security advice, "ignore this mail if..."). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <>
      <Hr style={{ borderColor: colors.stoneBorder, margin: '20px 0 16px' }} />
      <Text style={{ fontSize: '14px', lineHeight: '22px', color: colors.muted, margin: 0 }}>{children}</Text>
    </>
  );
}
