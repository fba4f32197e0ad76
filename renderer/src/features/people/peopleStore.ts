import { create } from 'zustand';
import type { ImportPlan } from '@shared/people/importPlan';

/** UI state of the People view: what is selected, typed and open. The people themselves stay in Dexie. */
interface PeopleUi {
  query: string;
  selectedId: string | null;
  /** 'new' while a person is being created. */
  editing: 'new' | null;
  /** The import being previewed; nothing is written until it is confirmed. */
  plan: ImportPlan | null;
  setQuery(query: string): void;
  select(id: string | null): void;
  startNew(): void;
  stopNew(): void;
  preview(plan: ImportPlan | null): void;
}

export const usePeopleUi = create<PeopleUi>()((set) => ({
  query: '',
  selectedId: null,
  editing: null,
  plan: null,
  setQuery: (query) => set({ query }),
  select: (selectedId) => set({ selectedId, editing: null }),
  startNew: () => set({ editing: 'new' }),
  stopNew: () => set({ editing: null }),
  preview: (plan) => set({ plan }),
}));
