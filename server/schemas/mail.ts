import { Type, type Static } from 'typebox';
import { OneOf, PageQuery } from './common';
import { MAIL_STATUSES } from '../../common/mail';

/** Captured outbox (admin): mail stored instead of sent when SMTP_URL is unset. The client imports the types. */

const DateTime = Type.String({ format: 'date-time' });

export const OutboxQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const OutboxItemSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  toAddress: Type.String(),
  subject: Type.String(),
  createdAt: DateTime,
});

export const OutboxPageSchema = Type.Object({
  items: Type.Array(OutboxItemSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  captureEnabled: Type.Boolean({ description: 'True when no SMTP server is configured: new mail lands here instead of being sent.' }),
});

export const OutboxMailSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  toAddress: Type.String(),
  subject: Type.String(),
  html: Type.String({
    description:
      'The HTML part as it would have been sent. Display it only inside a sandboxed iframe (`<iframe sandbox srcdoc=…>`, without allow-scripts or allow-same-origin), never in the page itself.',
  }),
  text: Type.String({ description: 'The plain-text part.' }),
  createdAt: DateTime,
});

export type OutboxItem = Static<typeof OutboxItemSchema>;
export type OutboxPage = Static<typeof OutboxPageSchema>;
export type OutboxMail = Static<typeof OutboxMailSchema>;

/** Outbox rows (admin): every mail the application queued and where its delivery stands. */
export const OutboxDeliverySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  template: Type.String(),
  toAddress: Type.String(),
  status: Type.Unsafe<(typeof MAIL_STATUSES)[number]>({
    ...OneOf(MAIL_STATUSES),
    description: 'failed: retried at nextAttemptAt, or given up when it is null; refused: the SMTP server refused it for good (5xx), never retried.',
  }),
  attempts: Type.Integer(),
  nextAttemptAt: Type.Union([DateTime, Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: DateTime,
  sentAt: Type.Union([DateTime, Type.Null()]),
});

export const OutboxDeliveryPageSchema = Type.Object({
  items: Type.Array(OutboxDeliverySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export type OutboxDelivery = Static<typeof OutboxDeliverySchema>;
export type OutboxDeliveryPage = Static<typeof OutboxDeliveryPageSchema>;
