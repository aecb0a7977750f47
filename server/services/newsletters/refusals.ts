import type { ArchiveResult, LaunchResult, ScheduleResult, TransitionResult, updateCampaign, setPreferences, unsubscribeAddress, removeSuppression } from '../../../db/queries/newsletters';
import { refusalsOf, type ReasonOf, type RefusalEntry } from '../../lib/refusals';

export type Reason =
  | ReasonOf<LaunchResult | TransitionResult | ScheduleResult | ArchiveResult | Awaited<ReturnType<typeof updateCampaign>> | Awaited<ReturnType<typeof setPreferences>> | Awaited<ReturnType<typeof unsubscribeAddress>> | Awaited<ReturnType<typeof removeSuppression>>>
  | 'unknownSender' | 'invalidToken' | 'emptyBody'
  | 'checksFailed' | 'scheduleInPast' | 'imageAltRequired' | 'imageMissing' | 'imageType' | 'imageNotFound' | 'archiveNotFound'
  | 'unknownSegment'
  | 'linkNotFound';

const refusals = {
  notFound: [404, 'newsletters.campaignNotFound'],
  notDraft: [409, 'newsletters.notDraft'],
  notLaunchable: [409, 'newsletters.notLaunchable'],
  noRecipients: [409, 'newsletters.noRecipients'],
  wrongStatus: [409, 'newsletters.wrongStatus'],
  nothingUncertain: [409, 'newsletters.nothingUncertain'],
  unknownTopic: [400, 'newsletters.unknownTopic', 'topicId', 'error.validation'],
  unknownSender: [400, 'newsletters.unknownSender', 'sender', 'error.validation'],
  emptyBody: [400, 'newsletters.emptyBody', 'bodyHtml', 'error.validation'],
  invalidToken: [404, 'newsletters.invalidToken'],
  checksFailed: [409, 'newsletters.checksFailed'],
  scheduleInPast: [400, 'newsletters.scheduleInPast', 'at', 'error.validation'],
  notFinished: [409, 'newsletters.notFinished'],
  imageAltRequired: [400, 'newsletters.imageAltRequired', 'alt', 'error.validation'],
  imageMissing: [400, 'newsletters.imageMissing', 'file', 'error.validation'],
  imageType: [415, 'newsletters.imageType', 'file'],
  imageNotFound: [404, 'newsletters.imageNotFound'],
  archiveNotFound: [404, 'newsletters.archiveNotFound'],
  unknownSegment: [400, 'newsletterSegments.notFound', 'segmentId', 'error.validation'],
  suppressionNotFound: [404, 'newsletters.suppressionNotFound'],
  linkNotFound: [404, 'newsletters.linkNotFound'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf(refusals);
