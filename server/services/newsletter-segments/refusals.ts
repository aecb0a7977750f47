import type { deleteSegment, saveSegment } from '../../../db/queries/newsletter-segments';
import { refusalsOf, type ReasonOf, type RefusalEntry } from '../../lib/refusals';

export type Reason = ReasonOf<Awaited<ReturnType<typeof saveSegment>> | Awaited<ReturnType<typeof deleteSegment>>>
  | 'unknownTopic' | 'unknownLabel' | 'trainingDates';

const refusals = {
  segmentNotFound: [404, 'newsletterSegments.notFound'],
  segmentNameTaken: [409, 'newsletterSegments.nameTaken', 'name', 'error.validation'],
  segmentInUse: [409, 'newsletterSegments.inUse'],
  unknownTopic: [400, 'newsletters.unknownTopic', 'topicId', 'error.validation'],
  unknownLabel: [400, 'newsletterSegments.unknownLabel', 'filter.labels', 'error.validation'],
  trainingDates: [400, 'newsletterSegments.trainingDates', 'filter.training.to', 'error.validation'],
} as const satisfies Record<Reason, RefusalEntry>;

export const { refusal, orRefuse } = refusalsOf(refusals);
