import type { FastifyInstance } from 'fastify';
import { deleteSegment, getSegment, listSegments, previewSegment, saveSegment } from '../../../db/queries/newsletter-segments';
import { checkAudience } from '../../../db/queries/audience';
import { topicExists } from '../../../db/queries/newsletters';
import { labels as knownLabels } from '../../../db/seed/reference';
import { normalisedFilter, type SegmentFilter } from '../../../common/newsletter-segments';
import { AUDIENCE_REFUSALS } from '../../lib/refusals';
import { Problem } from '../../plugins/errors';
import type { SegmentBodyDto, SegmentDto, SegmentPreviewBodyDto, SegmentPreviewDto } from '../../schemas/newsletter-segments';
import { toSample, toSegment } from './mapping';
import { orRefuse, refusal } from './refusals';

/** A day the calendar has (the schema's pattern lets 31 February through; PostgreSQL would refuse it with a 500). */
function isRealDay(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

/** Checks a filter's references (categories, places, labels exist; training dates in order) and returns it normalised. */
async function validFilter(app: FastifyInstance, input: SegmentFilter): Promise<SegmentFilter> {
  const f = normalisedFilter(input);
  const place = await checkAudience(app.db, { kind: 'partners', categories: f.categories, subcategories: f.subcategories, communes: f.communes, communautes: f.communautes, offices: f.offices });
  if (place) {
    const [field, key] = AUDIENCE_REFUSALS[place];
    throw new Problem(400, 'error.validation', [{ field: `filter.${field}`, key }]);
  }
  if (f.labels.some((l) => !knownLabels.includes(l))) throw refusal('unknownLabel');
  if (f.training && ![f.training.from, f.training.to].every((d) => d === null || isRealDay(d))) throw refusal('trainingDates');
  if (f.training?.from && f.training.to && f.training.to < f.training.from) throw refusal('trainingDates');
  return f;
}

export async function segmentList(app: FastifyInstance): Promise<{ items: SegmentDto[] }> {
  return { items: (await listSegments(app.db)).map(toSegment) };
}

export async function segmentDto(app: FastifyInstance, id: string): Promise<SegmentDto> {
  const row = await getSegment(app.db, id);
  if (!row) throw refusal('segmentNotFound');
  return toSegment(row);
}

export async function putSegment(app: FastifyInstance, body: SegmentBodyDto, by: { userId: string; id?: string }): Promise<SegmentDto> {
  const filter = await validFilter(app, body.filter);
  const { id } = orRefuse(await saveSegment(app.db, { name: body.name.trim(), filter }, by));
  return segmentDto(app, id);
}

export async function removeSegment(app: FastifyInstance, id: string): Promise<void> {
  orRefuse(await deleteSegment(app.db, id));
}

/** The live count and a masked sample of an unsaved filter among a topic's subscribers. */
export async function preview(app: FastifyInstance, body: SegmentPreviewBodyDto): Promise<SegmentPreviewDto> {
  if (!(await topicExists(app.db, body.topicId))) throw refusal('unknownTopic');
  const { count, sample } = await previewSegment(app.db, await validFilter(app, body.filter), body.topicId);
  return { count, sample: sample.map(toSample) };
}
