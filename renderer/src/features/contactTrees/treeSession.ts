import { create } from 'zustand';

/** Which tree the Trees view shows; session state only, the trees themselves live in Dexie. */
export const useTreeSession = create<{ selectedTreeId: string | null; selectTree(id: string | null): void }>()((set) => ({
  selectedTreeId: null,
  selectTree: (selectedTreeId) => set({ selectedTreeId }),
}));
