import type { ArchiveResult, LaunchResult, ScheduleResult, TransitionResult, updateCampaign, setPreferences, unsubscribeAddress, removeSuppression } from '../../../db/queries/newsletters';
import { ownMessagesByStatus, refusalsOf, type ReasonOf, type RefusalEntry } from '../../lib/refusals';

export type Reason =
  | ReasonOf<LaunchResult | TransitionResult | ScheduleResult | ArchiveResult | Awaited<ReturnType<typeof updateCampaign>> | Awaited<ReturnType<typeof setPreferences>> | Awaited<ReturnType<typeof unsubscribeAddress>> | Awaited<ReturnType<typeof removeSuppression>>>
  | 'unknownSender' | 'invalidToken' | 'emptyBody'
  | 'checksFailed' | 'scheduleInPast' | 'imageAltRequired' | 'imageMissing' | 'imageType' | 'imageNotFound' | 'archiveNotFound'
  | 'unknownSegment'
  | 'linkNotFound';

const refusals = {
  ...ownMessagesByStatus('newsletters', {
    404: ['invalidToken', 'imageNotFound', 'archiveNotFound', 'suppressionNotFound', 'linkNotFound'],
    409: ['notDraft', 'notLaunchable', 'noRecipients', 'wrongStatus', 'nothingUncertain', 'checksFailed', 'notFinished'],
  }),
  notFound: [404, 'newsletters.campaignNotFound'],
  unknownTopic: [400, 'newsletters.unknownTopic', 'topicId', 'error.validation'],
  unknownSender: [400, 'newsletters.unknownSender', 'sender', 'error.validation'],
  emptyBody: [400, 'newsletters.emptyBody', 'bodyHtml', 'error.validation'],
  scheduleInPast: [400, 'newsletters.scheduleInPast', 'at', 'error.validation'],
  imageAltRequired: [400, 'newsletters.imageAltRequired', 'alt', 'error.validation'],
  imageMissing: [400, 'newsletters.imageMissing', 'file', 'error.validation'],
  imageType: [415, 'newsletters.imageType', 'file'],
  unknownSegment: [400, 'newsletterSegments.notFound', 'segmentId', 'error.validation'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf(refusals);
