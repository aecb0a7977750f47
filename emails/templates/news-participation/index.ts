import { newsComment, type NewsCommentProps } from './comment';

export type { NewsCommentProps };

/** Mails of news participation (comments, experience sheets), by the name stored in mail_messages.template. */
export const newsParticipationTemplates = {
  'news-comment': newsComment,
};
