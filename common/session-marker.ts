/**
 * The "signed in" marker: a cookie the client can read, set and cleared by
 * the server together with the session cookies (which are httpOnly, so a
 * script cannot see them). Without it, the client could learn that nobody is
 * signed in only by asking `/api/me`, getting a 401, trying a refresh and
 * getting another: two failed requests, each printed by the browser as a
 * console error, on every anonymous page (log-in, invitation, legal pages).
 *
 * Chosen over an `/api/session` endpoint answering 200 with null because it
 * costs no request at all for a visitor, and no request to learn the answer
 * even on a slow network. It holds no secret (the value is "1"): forging it
 * only makes the client ask `/api/me`, which the session cookies still decide;
 * the client removes a marker that turned out to be stale.
 */
export const SESSION_MARKER_COOKIE = 'ep_session';
