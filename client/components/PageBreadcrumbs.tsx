import { Anchor, Breadcrumbs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import classes from './PageBreadcrumbs.module.css';

export interface Crumb {
  to: string;
  label: string;
}

/** "Where am I": links up to the parent pages, then the current page (marked aria-current), wrapping on phones. */
export function PageBreadcrumbs({ links, current }: { links: Crumb[]; current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')} className={classes.breadcrumbs}>
      {links.map((link) => (
        <Anchor key={link.to} component={Link} to={link.to} size="sm">
          {link.label}
        </Anchor>
      ))}
      <span aria-current="page">{current}</span>
    </Breadcrumbs>
  );
}
