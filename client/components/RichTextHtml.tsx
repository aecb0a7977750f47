import { Typography } from '@mantine/core';
import classes from './RichText.module.css';

/**
 * The editor's headings (h2–h4) one level down, so that they sit under the
 * page section that shows them.
 */
function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([2-4])(?=[\s>])/gi, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`);
}

/** Rich text written with RichTextField (training descriptions, news posts): HTML sanitised by the server (allow-list of tags) before it was stored. */
export function RichTextHtml({ html }: { html: string }) {
  if (!html.trim()) return null;
  // Sanitised server-side (sanitize-html allow-list) before it was stored.
  return <Typography className={classes.description} dangerouslySetInnerHTML={{ __html: demoteHeadings(html) }} />;
}
