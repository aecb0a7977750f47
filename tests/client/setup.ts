import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { notifications } from '@mantine/notifications';
import { afterEach, beforeEach, vi } from 'vitest';
import { SESSION_MARKER_COOKIE } from '../../common/session-marker';

// The interface follows the browser's language before log-in: these tests speak French.
Object.defineProperty(window.navigator, 'languages', { configurable: true, value: ['fr-FR', 'fr'] });
Object.defineProperty(window.navigator, 'language', { configurable: true, value: 'fr-FR' });

// Mantine reads these browser APIs, which happy-dom does not provide.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserver;
globalThis.ResizeObserver = ResizeObserver;

// Mantine's autosizing Textarea listens for web fonts loading.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() } });
}

// Mantine scrolls option lists into view.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

// Mantine's focus trap looks for a focusable element it can *see*; happy-dom has no layout, so an
// open menu shows none and Mantine logs the whole DOM node with its React fibres (8,000 lines each
// time, most of the CI log). Chromium finds one: the journeys (tests/e2e) check menus by keyboard.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('[@mantine/hooks/use-focus-trap] Failed to find focusable element')) return;
  warn(...args);
};

// Lazy routes load their chunk on first visit: allow for a busy machine.
configure({ asyncUtilTimeout: 5000 });

// The server's "signed in" marker (common/session-marker.ts): with it the client asks /api/me, whose
// stubbed answer then decides; tests of a visitor without it remove it (tests/client/session.test.tsx).
beforeEach(() => {
  document.cookie = `${SESSION_MARKER_COOKIE}=1; Path=/`;
});

afterEach(() => {
  cleanup();
  notifications.clean(); // the notifications store outlives a test's render
  vi.unstubAllGlobals();
  localStorage.clear();
});
