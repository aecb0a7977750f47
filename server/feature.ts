import type { FastifyPluginAsync } from 'fastify';
import type { Tx } from '../db/client';
import type { Effects } from '../workers/jobs';

/**
 * The person whose data is exported or erased, and where the request came
 * from (kept in the audit log). `email` is their address as it was when the
 * transaction began, read once before any part runs (server/services/
 * personal-data.ts): the accounts part rewrites it, and later parts still
 * match rows held by address only (newsletter consents and deliveries).
 */
export interface DataSubject {
  userId: string;
  ip: string | null;
  email: string;
}

/**
 * A feature's part of the personal-data export and erasure (RGPD). The one
 * service server/services/personal-data.ts runs every feature's part in one
 * transaction: a part reads and writes through `tx` only (query functions that
 * open their own transaction may take `tx`: theirs becomes a savepoint), and
 * throws to refuse (everything is then rolled back).
 */
export interface PersonalDataPart<Sections extends object = object> {
  /** The feature's sections of the downloadable JSON document, keyed by section name. */
  export(tx: Tx, subject: DataSubject): Promise<Sections>;
  /** Erases or anonymises what the feature holds; jobs it calls for (mail, offers) are enqueued after commit. */
  erase(tx: Tx, subject: DataSubject): Promise<Effects | void>;
}

/**
 * What a feature gives the api (server/features/<feature>.ts), listed once in
 * server/features.ts. Retention purges are scheduled jobs: they belong to the
 * feature's worker index (workers/handlers/<feature>/index.ts), not here.
 */
export interface ServerFeature<Sections extends object = object> {
  name: string;
  /** Its routes plugins (server/routes/<feature>*.ts), registered in this order, after those of the features before it. */
  routes: FastifyPluginAsync[];
  /** Absent for infrastructure that holds nothing about a person (health, territory, the mail outbox's admin page). */
  personalData?: PersonalDataPart<Sections>;
}

/** Types a feature's index; its export sections' names and shapes are kept. */
export const defineServerFeature = <Sections extends object = object>(feature: ServerFeature<Sections>): ServerFeature<Sections> => feature;
