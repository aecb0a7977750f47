import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api';
import { sendContact, type ContactBody } from './api';

/**
 * The counter's queue of contacts not yet acknowledged by the server, kept in
 * localStorage so that the tally survives a dropped connection and a closed
 * tab. Each contact carries the id the browser gave it: the server stores it
 * once however many times it is sent (a lost answer, two tabs flushing).
 */
export const QUEUE_KEY = 'espace-pro.visits.queue';

export function readQueue(): ContactBody[] {
  try {
    const raw = localStorage.getItem(QUEUE_KEY);
    return raw ? (JSON.parse(raw) as ContactBody[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(items: ContactBody[]): void {
  localStorage.setItem(QUEUE_KEY, JSON.stringify(items));
}

/** A refusal the server will repeat (bad data), as opposed to a cut or an outage worth retrying. */
const isFinal = (error: unknown) => error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);

/**
 * Sends the queue in order; stops at the first failure worth retrying.
 * Returns what was sent and what the server refused for good (dropped).
 */
export async function flushQueue(send: (c: ContactBody) => Promise<unknown> = sendContact): Promise<{ sent: number; refused: ContactBody[]; stopped: boolean }> {
  let sent = 0;
  const refused: ContactBody[] = [];
  // Contacts recorded while this runs are taken too (read again after each send).
  for (let contact = readQueue()[0]; contact; contact = readQueue()[0]) {
    try {
      await send(contact);
      sent++;
    } catch (error) {
      if (!isFinal(error)) return { sent, refused, stopped: true };
      refused.push(contact);
    }
    const done = contact.id;
    writeQueue(readQueue().filter((c) => c.id !== done));
  }
  return { sent, refused, stopped: false };
}

/** Retry period while contacts wait (the `online` event also triggers a flush). */
const RETRY_MS = 10_000;

/** The counter's queue: `record` stores then sends; `pending` is what still waits. */
export function useContactQueue(onSent: () => void, onRefused: (contacts: ContactBody[]) => void) {
  const [pending, setPending] = useState(() => readQueue().length);
  const flushing = useRef<Promise<void> | null>(null);
  const callbacks = useRef({ onSent, onRefused });
  callbacks.current = { onSent, onRefused };

  const flush = useCallback(() => {
    flushing.current ??= (async () => {
      const { sent, refused } = await flushQueue();
      setPending(readQueue().length);
      if (sent) callbacks.current.onSent();
      if (refused.length) callbacks.current.onRefused(refused);
    })().finally(() => {
      flushing.current = null;
    });
    return flushing.current;
  }, []);

  const record = useCallback((contact: ContactBody) => {
    writeQueue([...readQueue(), contact]);
    setPending(readQueue().length);
    return flush();
  }, [flush]);

  useEffect(() => {
    void flush();
    const retry = window.setInterval(() => {
      if (readQueue().length) void flush();
    }, RETRY_MS);
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => {
      window.clearInterval(retry);
      window.removeEventListener('online', online);
    };
  }, [flush]);

  return { pending, record, flush };
}
