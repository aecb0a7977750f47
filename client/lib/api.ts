/**
 * The one way the client talks to the api: JSON over fetch with the log-in
 * cookies, problem+json turned into ApiError (server's translated `detail`
 * and per-field messages), and an expired access token refreshed silently
 * once before the request is retried.
 */

interface FieldErrors {
  [field: string]: string;
}

/** A failed api call, carrying the server's message in the user's language. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly fields: FieldErrors = {},
    public readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A request's query string as values (empty ones left out). */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  /**
   * What a 401 that survives the refresh means: 'expire' (default) reports a
   * lost log-in (back to log-in), 'null' resolves to null (used by the "who
   * am I" query on public pages).
   */
  onUnauthenticated?: 'expire' | 'null';
}

type Listener = () => void;
let loginExpiredListener: Listener = () => {};
let currentLanguage = 'fr';
let refreshing: Promise<boolean> | null = null;

/** The app registers what to do when a log-in is lost (clear it, go to log-in with ?next=). */
export function onLoginExpired(listener: Listener): void {
  loginExpiredListener = listener;
}

/** Sent as Accept-Language so anonymous callers get the server's messages in the chosen language. */
export function setApiLanguage(language: string): void {
  currentLanguage = language;
}

/** Auth endpoints answer 401 for their own reasons (wrong password, spent refresh token): never refresh on them. */
function isAuthEndpoint(path: string): boolean {
  // logout-all is an ordinary signed-in call: an expired access token is refreshed for it too.
  return path.startsWith('/api/auth/') && path !== '/api/auth/logout-all';
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * Idempotency keys of POSTs (IETF httpapi draft; the api keeps the first
 * answer of a key 24 h). One key per submission: the same request (path and
 * body) sent again while the first is pending, after a network failure or a
 * server error, or within a few seconds of its success (a double click, a
 * second tab) carries the same key, so the server answers it once instead
 * of creating twice. A changed body is a new submission with a new key.
 */
const IDEMPOTENCY_REUSE_MS = 10_000;
const submissions = new Map<string, { key: string; settledAt: number | null; ok: boolean }>();

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function submissionFor(path: string, body: string | undefined) {
  const id = `${path}\n${body ?? ''}`;
  const now = Date.now();
  for (const [k, s] of submissions) if (s.settledAt !== null && now - s.settledAt > (s.ok ? IDEMPOTENCY_REUSE_MS : 5 * 60_000)) submissions.delete(k);
  let submission = submissions.get(id);
  if (!submission) submissions.set(id, (submission = { key: newKey(), settledAt: null, ok: false }));
  submission.settledAt = null;
  return {
    key: submission.key,
    settle(res: Response | null) {
      submission.settledAt = Date.now();
      submission.ok = res !== null && res.ok;
      // A refusal changed nothing: the next try is a new submission. Not so 409 (the same key is
      // still running) and 422 (the key is taken): they are answers about the key itself.
      if (res && res.status >= 400 && res.status < 500 && res.status !== 409 && res.status !== 422) submissions.delete(id);
    },
  };
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': currentLanguage };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const method = options.method ?? 'GET';
  const submission = method === 'POST' ? submissionFor(path, body) : null;
  if (submission) headers['idempotency-key'] = `"${submission.key}"`;
  try {
    let res = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'include', signal: options.signal });
    // 409 with Retry-After: the same submission is still running (another tab, a double click that got
    // through); its answer is recorded under the key, so ask again for it rather than report a failure.
    for (let wait = 0; submission && res.status === 409 && res.headers.has('retry-after') && wait < 5; wait++) {
      await new Promise((r) => setTimeout(r, 300 * (wait + 1)));
      res = await fetch(buildUrl(path, options.query), { method, headers, body, credentials: 'include', signal: options.signal });
    }
    submission?.settle(res);
    return res;
  } catch (err) {
    submission?.settle(null);
    throw err;
  }
}

/** Held while a tab refreshes the log-in (Web Locks API: one holder across all tabs of the origin). */
const REFRESH_LOCK = 'ep-session-refresh';
/** When a tab last refreshed successfully (ms since epoch), shared through localStorage. */
const REFRESHED_AT = 'ep-session-refreshed-at';

function readRefreshedAt(): number {
  try {
    return Number(localStorage.getItem(REFRESHED_AT) ?? 0);
  } catch {
    return 0;
  }
}

function postRefresh(): Promise<boolean> {
  return fetch('/api/auth/refresh', { method: 'POST', credentials: 'include', headers: { 'accept-language': currentLanguage } })
    .then((res) => {
      if (res.ok) {
        try {
          localStorage.setItem(REFRESHED_AT, String(Date.now()));
        } catch {
          // Storage refused (private mode): other tabs refresh for themselves.
        }
      }
      return res.ok;
    })
    .catch(() => false);
}

/**
 * One refresh at a time across tabs: a tab whose access token expired waits
 * for the lock, and if another tab refreshed meanwhile, the cookies it shares
 * are already fresh, so it only retries its request. Without this, every
 * open tab spent the same refresh token at once (the server tolerates that
 * within a short reuse interval, but each tab would rotate it again).
 */
async function refreshAcrossTabs(): Promise<boolean> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return postRefresh();
  const askedAt = Date.now();
  return locks.request(REFRESH_LOCK, async () => (readRefreshedAt() >= askedAt ? true : postRefresh()));
}

/** One refresh at a time: concurrent 401s of this tab wait for the same attempt, other tabs for the lock. */
export function refreshLogin(): Promise<boolean> {
  refreshing ??= refreshAcrossTabs()
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** Reads a problem+json (or any) error body into an ApiError. */
async function toApiError(res: Response): Promise<ApiError> {
  let detail = '';
  let fields: FieldErrors = {};
  let requestId: string | undefined;
  try {
    const data = (await res.json()) as { detail?: string; title?: string; message?: string; requestId?: string; errors?: { field: string; message: string }[] };
    detail = data.detail ?? data.message ?? data.title ?? '';
    requestId = data.requestId;
    for (const e of data.errors ?? []) {
      if (e.field && !(e.field in fields)) fields = { ...fields, [e.field]: e.message };
    }
  } catch {
    // Not JSON (a proxy's HTML page, a network cut): the UI shows a generic message.
  }
  return new ApiError(res.status, detail, fields, requestId);
}

/** Raw response after the refresh dance; throws ApiError on failure. */
export async function apiResponse(path: string, options: RequestOptions = {}): Promise<Response | null> {
  let res: Response;
  try {
    res = await send(path, options);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, '');
  }
  if (res.status === 401 && !isAuthEndpoint(path)) {
    if (await refreshLogin()) res = await send(path, options);
    if (res.status === 401) {
      if (options.onUnauthenticated === 'null') return null;
      loginExpiredListener();
      throw await toApiError(res);
    }
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

/** JSON request; resolves to the parsed body (undefined for 204/202 without body). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await apiResponse(path, options);
  if (res === null) return null as T;
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  // 202 and the like may carry an empty body.
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

interface FieldErrorTarget {
  setFieldError: (path: never, error: string) => void;
  getValues: () => unknown;
}

/** Whether a dotted path (`slots.1.start`) names a field of the form's values. */
function hasPath(values: unknown, path: string): boolean {
  let node = values;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return true;
}

/**
 * Maps the server's field errors onto a @mantine/form; returns whether any
 * field matched. `fieldOf` renames an api field into the form's path where
 * they differ (e.g. a list the api receives in another order).
 */
export function applyFieldErrors(form: FieldErrorTarget, error: unknown, fieldOf: (field: string) => string = (f) => f): boolean {
  if (!(error instanceof ApiError)) return false;
  const values = form.getValues() as Record<string, unknown>;
  let matched = false;
  for (const [apiField, message] of Object.entries(error.fields)) {
    const field = fieldOf(apiField);
    const top = field.split('.')[0] ?? field;
    if (hasPath(values, field) || top in values) {
      form.setFieldError((hasPath(values, field) ? field : top) as never, message);
      matched = true;
    }
  }
  return matched;
}

/**
 * Sends a form's body: once saved the form is clean again (its save button
 * disables), and a refusal puts the server's messages on the fields they name.
 */
export async function saveForm(form: FieldErrorTarget & { resetDirty: () => void }, send: () => Promise<unknown>, fieldOf?: (field: string) => string): Promise<void> {
  try {
    await send();
    form.resetDirty();
  } catch (error) {
    applyFieldErrors(form, error, fieldOf);
  }
}

/**
 * A multipart upload (an image with its alt text): text fields first, then
 * the file (the server reads the text parts before the file). fetch with
 * FormData, not api() (JSON only); an expired log-in is refreshed once and
 * the upload sent again. Errors come back as ApiError, like api()'s.
 */
export async function postForm<T>(path: string, fields: Record<string, string>, file: File): Promise<T> {
  const send = () => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    return fetch(path, { method: 'POST', body: form, credentials: 'include', headers: { accept: 'application/json, application/problem+json', 'accept-language': currentLanguage } });
  };
  let res = await send();
  if (res.status === 401 && (await refreshLogin())) res = await send();
  if (res.ok) return (await res.json()) as T;
  let detail = '';
  let errors: Record<string, string> = {};
  try {
    const data = (await res.json()) as { detail?: string; title?: string; errors?: { field: string; message: string }[] };
    detail = data.detail ?? data.title ?? '';
    errors = Object.fromEntries((data.errors ?? []).map((e) => [e.field, e.message]));
  } catch {
    // Not JSON: the page says it in the user's words.
  }
  throw new ApiError(res.status, detail, errors);
}
