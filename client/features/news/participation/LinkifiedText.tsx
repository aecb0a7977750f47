import { Anchor } from '@mantine/core';
import * as linkify from 'linkifyjs';
import { Fragment } from 'react';

/** Only these schemes become links: a `javascript:` text stays text. */
const SAFE = /^(https?:|mailto:)/i;

/**
 * Plain text (a comment) with its links made clickable: React text nodes and
 * anchors only, never HTML, so markup typed in a comment shows as typed.
 */
export function LinkifiedText({ text }: { text: string }) {
  const parts = linkify.tokenize(text);
  return (
    <>
      {parts.map((token, i) => {
        const value = token.toString();
        if (!token.isLink) return <Fragment key={i}>{value}</Fragment>;
        const href = token.toHref('https');
        if (!SAFE.test(href)) return <Fragment key={i}>{value}</Fragment>;
        return (
          <Anchor key={i} href={href} target="_blank" rel="noopener noreferrer nofollow ugc" style={{ overflowWrap: 'anywhere' }}>
            {value}
          </Anchor>
        );
      })}
    </>
  );
}
