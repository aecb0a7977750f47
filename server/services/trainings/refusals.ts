import type { UpdateSessionOutcome } from '../../../db/queries/trainings/session-edits';
import type { AttendanceOutcome, CancelOutcome, PromoteOutcome } from '../../../db/queries/trainings/moves';
import type { SignUpResult } from '../../../db/queries/trainings/sign-up';
import type { saveSurveyAnswer } from '../../../db/queries/trainings/survey';
import type { updateTraining } from '../../../db/queries/trainings/catalogue';
import { ownMessagesByStatus, refusalsOf, type ReasonOf, type RefusalEntry } from '../../lib/refusals';

/** Every reason a trainings query or use case refuses: the queries' own, and the service's (access, links, files). */
export type Reason =
  | ReasonOf<SignUpResult | CancelOutcome | PromoteOutcome | AttendanceOutcome | UpdateSessionOutcome>
  | ReasonOf<Awaited<ReturnType<typeof saveSurveyAnswer>> | Awaited<ReturnType<typeof updateTraining>>>
  | 'userNotFound' | 'notColleague' | 'offerNotActive' | 'invalidToken' | 'notAttended';

/** Why -> HTTP problem: status, message, and the field it is about (server/lib/refusals.ts). */
const refusals = {
  ...ownMessagesByStatus('trainings', {
    403: ['notColleague'],
    404: ['sessionNotFound', 'registrationNotFound', 'userNotFound', 'invalidToken'],
    409: ['notActive', 'noSeat', 'notWaiting', 'notConfirmed', 'notAttended', 'backToDraft', 'offerNotActive', 'surveyAnswered'],
  }),
  // The queries' short reasons, with the messages' longer names.
  trainingNotFound: [404, 'trainings.notFound'],
  duplicate: [409, 'trainings.alreadyRegistered'],
  cap: [409, 'trainings.establishmentCap'],
  closed: [409, 'trainings.signupClosed'],
  deadline: [409, 'trainings.cancelDeadlinePassed'],
  started: [409, 'trainings.sessionStarted'],
  notStarted: [409, 'trainings.attendanceBeforeStart'],
  cancelledFinal: [409, 'trainings.sessionCancelled'],
  capacityTooLow: [409, 'trainings.capacityTooLow', 'capacity'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf<Reason>(refusals);
