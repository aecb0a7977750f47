import { ACCOUNTS_PURGE_CRON } from '../../../common/limits';
import { defineWorkerFeature } from '../../feature';
import { accountsMail } from './mail';
import { requestPasswordReset } from './password-reset';
import { purgeAccounts } from './purge';

/** The accounts feature in the worker process: the daily retention purge and the account mails. */
export const accounts = defineWorkerFeature({
  name: 'accounts',
  jobs: { 'accounts.purge': purgeAccounts, 'accounts.password-reset': requestPasswordReset },
  schedules: [{ job: 'accounts.purge', ...ACCOUNTS_PURGE_CRON }],
  mail: accountsMail,
  attachments: {},
});
