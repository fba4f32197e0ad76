import { create } from 'zustand';

/** Short messages for the polite live region (copied, imported, saved), read by screen readers too. */
interface Announcer {
  message: string;
  tone: 'info' | 'error';
  id: number;
  announce(message: string, tone?: 'info' | 'error'): void;
  clear(): void;
}

export const useAnnouncer = create<Announcer>()((set) => ({
  message: '',
  tone: 'info',
  id: 0,
  announce: (message, tone = 'info') => set((s) => ({ message, tone, id: s.id + 1 })),
  clear: () => set({ message: '' }),
}));
