import { create } from 'zustand';

/** The log entry being corrected, if any: the timeline's "Correct" fills the composer with it. */
export const useCorrection = create<{ correcting: { id: string; text: string } | null; correct(entry: { id: string; text: string } | null): void }>()((set) => ({
  correcting: null,
  correct: (correcting) => set({ correcting }),
}));
