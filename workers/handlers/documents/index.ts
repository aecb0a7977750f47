import { DOCUMENTS_REVIEW_CRON, SCHEDULE_EVERY_MS } from '../../../common/limits';
import { defineWorkerFeature } from '../../feature';
import { extractDocumentText } from './extract';
import { notifyFolderFollowers } from './followers';
import { documentComposers } from './mail';
import { sendDocumentReviewReminders } from './reviews';
import { deleteDocumentObject, sweepDocuments } from './sweep';
import { makeDocumentThumbnail } from './thumbnail';

/** The documents feature in the worker process: text extraction, thumbnails, the upload sweeper, review reminders and folder followers' mail. */
export const documents = defineWorkerFeature({
  name: 'documents',
  jobs: {
    'documents.extract': extractDocumentText,
    'documents.thumbnail': makeDocumentThumbnail,
    'documents.sweep': sweepDocuments,
    'documents.delete-object': deleteDocumentObject,
    'documents.review-reminders': sendDocumentReviewReminders,
    'documents.followers': notifyFolderFollowers,
  },
  schedules: [
    { job: 'documents.sweep', every: SCHEDULE_EVERY_MS.documentsSweep },
    { job: 'documents.review-reminders', ...DOCUMENTS_REVIEW_CRON },
  ],
  mail: documentComposers,
  attachments: {},
});
