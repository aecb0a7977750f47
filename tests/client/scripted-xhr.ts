import { screen, within } from '@testing-library/react';
import { beforeEach, vi } from 'vitest';

/**
 * A stand-in for XMLHttpRequest (what the uploads use, for their progress
 * events), installed with vi.stubGlobal('XMLHttpRequest', ScriptedXhr): one
 * instance per upload request, as the page opened it; the test makes it
 * progress, answer or fail by hand.
 */
export class ScriptedXhr {
  static sent: ScriptedXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  withCredentials = false;
  aborted = false;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: FormData) {
    this.body = body;
    ScriptedXhr.sent.push(this);
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  // ---- driven by the test ----
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
  get fileName() {
    return (this.body?.get('file') as File | null)?.name;
  }
  get meta() {
    return JSON.parse(String(this.body?.get('meta')));
  }
}

/** Puts the stand-in in place of XMLHttpRequest before each test of the file, with nothing sent yet. */
export function installScriptedXhr() {
  beforeEach(() => {
    ScriptedXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', ScriptedXhr);
  });
}

/** The upload queue's line of one file (the upload page and « Proposer un document » share the queue). */
export function uploadItem(fileName: string): HTMLElement {
  return screen.getAllByTestId('upload-item').find((el) => within(el).queryByText(fileName))!;
}
