import type { CorrectionOutcome, recordContact, updateTheme } from '../../../db/queries/visits';
import type { TotalProblem } from '../../../db/queries/visits';
import type { MessageKey } from '../../i18n';
import { ownMessagesByStatus, refusalsOf, type ReasonOf, type RefusalEntry } from '../../lib/refusals';

/** Every reason a visits query or use case refuses. */
export type Reason =
  | ReasonOf<CorrectionOutcome | Awaited<ReturnType<typeof recordContact>> | Awaited<ReturnType<typeof updateTheme>>>
  | 'officeRequired' | 'unknownOrigin' | 'occurredAtOutOfRange';

const refusals = {
  officeNotFound: [400, 'visits.officeNotFound', 'officeId'],
  officeRequired: [400, 'visits.officeRequired', 'officeId'],
  unknownTheme: [400, 'visits.unknownTheme', 'themeIds'],
  unknownOrigin: [400, 'visits.unknownOrigin', 'origin'],
  occurredAtOutOfRange: [400, 'visits.occurredAtOutOfRange', 'occurredAt'],
  ...ownMessagesByStatus('visits', { 404: ['contactNotFound', 'themeNotFound'], 409: ['correctionClosed'] }),
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf<Reason>(refusals);

/** Why one line of totals is refused (bulk form and CSV import alike). */
export const LINE_KEYS = {
  badValue: 'visits.line.badValue', visitorsBelowContacts: 'visits.line.visitorsBelowContacts', tooLarge: 'visits.line.tooLarge', duplicate: 'visits.line.duplicate',
} as const satisfies Record<TotalProblem, MessageKey>;
