import { create } from 'zustand';

/** How many lines the toast keeps when messages are joined: the oldest go first. */
export const MAX_JOINED_LINES = 6;

/**
 * Short messages for the polite live region (copied, imported, saved), read by screen readers too.
 * A new message replaces the one shown, except a message announced with `join` (the call tree's
 * timers: several can fire at once, in several incidents) while another joined message is still
 * shown: it is added as a line of its own, so none is lost and a screen reader reads the new line.
 */
interface Announcer {
  message: string;
  tone: 'info' | 'error';
  id: number;
  /** Whether the message shown may take more lines (see announce's `join`). */
  joinable: boolean;
  announce(message: string, tone?: 'info' | 'error', options?: { join?: boolean }): void;
  clear(): void;
}

export const useAnnouncer = create<Announcer>()((set) => ({
  message: '',
  tone: 'info',
  id: 0,
  joinable: false,
  announce: (message, tone = 'info', options = {}) =>
    set((s) => {
      const join = options.join === true && s.joinable && s.message !== '';
      if (!join) return { message, tone, id: s.id + 1, joinable: options.join === true };
      const lines = [...s.message.split('\n'), message].slice(-MAX_JOINED_LINES);
      // An error among the lines keeps the toast an error.
      return { message: lines.join('\n'), tone: s.tone === 'error' ? 'error' : tone, id: s.id + 1, joinable: true };
    }),
  clear: () => set({ message: '', joinable: false }),
}));
