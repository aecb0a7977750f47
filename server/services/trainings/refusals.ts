import type { UpdateSessionOutcome } from '../../../db/queries/trainings/session-edits';
import type { AttendanceOutcome, CancelOutcome, PromoteOutcome } from '../../../db/queries/trainings/moves';
import type { SignUpResult } from '../../../db/queries/trainings/sign-up';
import type { saveSurveyAnswer } from '../../../db/queries/trainings/survey';
import type { updateTraining } from '../../../db/queries/trainings/catalogue';
import { refusalsOf, type ReasonOf, type RefusalEntry } from '../../lib/refusals';

/** Every reason a trainings query or use case refuses: the queries' own, and the service's (access, links, files). */
export type Reason =
  | ReasonOf<SignUpResult | CancelOutcome | PromoteOutcome | AttendanceOutcome | UpdateSessionOutcome>
  | ReasonOf<Awaited<ReturnType<typeof saveSurveyAnswer>> | Awaited<ReturnType<typeof updateTraining>>>
  | 'userNotFound' | 'notColleague' | 'offerNotActive' | 'invalidToken' | 'notAttended';

/** Why -> HTTP problem: status, message, and the field it is about. */
const refusals = {
  trainingNotFound: [404, 'trainings.notFound'],
  sessionNotFound: [404, 'trainings.sessionNotFound'],
  registrationNotFound: [404, 'trainings.registrationNotFound'],
  userNotFound: [404, 'trainings.userNotFound'],
  notColleague: [403, 'trainings.notColleague'],
  duplicate: [409, 'trainings.alreadyRegistered'],
  cap: [409, 'trainings.establishmentCap'],
  closed: [409, 'trainings.signupClosed'],
  notActive: [409, 'trainings.notActive'],
  deadline: [409, 'trainings.cancelDeadlinePassed'],
  started: [409, 'trainings.sessionStarted'],
  noSeat: [409, 'trainings.noSeat'],
  notWaiting: [409, 'trainings.notWaiting'],
  notConfirmed: [409, 'trainings.notConfirmed'],
  notAttended: [409, 'trainings.notAttended'],
  notStarted: [409, 'trainings.attendanceBeforeStart'],
  capacityTooLow: [409, 'trainings.capacityTooLow', 'capacity'],
  backToDraft: [409, 'trainings.backToDraft'],
  cancelledFinal: [409, 'trainings.sessionCancelled'],
  offerNotActive: [409, 'trainings.offerNotActive'],
  invalidToken: [404, 'trainings.invalidToken'],
  surveyAnswered: [409, 'trainings.surveyAnswered'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf<Reason>(refusals);
