import { create } from 'zustand';

/**
 * Which playbook the editor is open on ('new' for a new one). UI state only, kept in this
 * feature so the playbooks view owns its dialog; the data stays in Dexie.
 */
export const usePlaybookEditor = create<{ editing: string | 'new' | null; open(id: string | 'new' | null): void }>()((set) => ({
  editing: null,
  open: (editing) => set({ editing }),
}));
