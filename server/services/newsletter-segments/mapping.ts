import type { SampledRecipient, SegmentRow } from '../../../db/queries/newsletter-segments';
import type { SegmentDto, SegmentSampleDto } from '../../schemas/newsletter-segments';

export function toSegment(row: SegmentRow): SegmentDto {
  return { id: row.id, name: row.name, filter: row.filter, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/**
 * An address as the sample shows it (RGPD, data minimisation): its first
 * character and its domain, enough to recognise a contact address from a
 * person's and to spot a wrong domain, not enough to copy it.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}

export function toSample(r: SampledRecipient): SegmentSampleDto {
  return {
    kind: r.userId ? 'person' : 'contact',
    name: r.name ?? '',
    establishment: r.establishment,
    commune: r.commune,
    maskedAddress: maskAddress(r.address),
    language: r.language,
  };
}
