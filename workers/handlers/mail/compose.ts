import { UnrecoverableError } from 'bullmq';
import type { Database } from '../../../db/client';
import { isTemplateName, type TemplateName, type TemplateProps } from '../../../emails/render';
import type { MailAttachment } from '../../../emails/transport';
import type { AttachmentLoader, KeysOf, MailLoader } from '../../feature';
import { features } from '../../features';
import type { ComposeContext } from './context';

export type { ComposeContext };

type Loaded = KeysOf<(typeof features)[number]['mail']>;
/** Fails to compile when a template of the renderer's table (emails/render.ts) has no loader. */
const everyTemplateLoaded: [Exclude<TemplateName, Loaded>] extends [never] ? true : { noLoaderFor: Exclude<TemplateName, Loaded> } = true;
void everyTemplateLoaded;

/** Template name -> loader, from every feature's index (workers/features.ts). */
const loaders = Object.assign({}, ...features.map((f) => f.mail)) as { [N in TemplateName]: MailLoader<N> };
/** Files a template attaches (the .ics of a training confirmation), built at send time like the props. */
const attachmentLoaders = Object.assign({}, ...features.map((f) => f.attachments)) as Partial<Record<TemplateName, AttachmentLoader>>;

export type Composed = { [N in TemplateName]: { template: N; props: TemplateProps<N>; attachments?: MailAttachment[] } }[TemplateName];

export async function compose(db: Database, ctx: ComposeContext): Promise<Composed | null> {
  const name = ctx.message.template;
  if (!isTemplateName(name)) throw new UnrecoverableError(`Unknown mail template "${name}"`);
  const loader = loaders[name] as MailLoader<TemplateName>;
  const props = await loader(db, ctx.message.params ?? {}, ctx);
  if (!props) return null;
  const attach = attachmentLoaders[name];
  const attachments = attach ? await attach(db, ctx.message.params ?? {}, ctx) : undefined;
  return { template: name, props, ...(attachments?.length ? { attachments } : {}) } as Composed;
}
