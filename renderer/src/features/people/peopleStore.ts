import { create } from 'zustand';
import type { ImportPlan } from '@shared/people/importPlan';

/** UI state of the People view: what is selected, typed and open. The people themselves stay in Dexie. */
interface PeopleUi {
  query: string;
  selectedId: string | null;
  /** 'new' while a person is being created. */
  editing: 'new' | null;
  /**
   * The selected person's editor was closed (Escape, Close, a deletion): their row stays selected,
   * so the list takes the focus back on it, and Enter or a click opens them again.
   */
  editorClosed: boolean;
  /** The import being previewed; nothing is written until it is confirmed. */
  plan: ImportPlan | null;
  setQuery(query: string): void;
  select(id: string | null): void;
  /** Selects a row without opening the editor: where the list's focus goes back to. */
  point(id: string | null): void;
  startNew(): void;
  stopNew(): void;
  preview(plan: ImportPlan | null): void;
}

export const usePeopleUi = create<PeopleUi>()((set) => ({
  query: '',
  selectedId: null,
  editing: null,
  editorClosed: false,
  plan: null,
  setQuery: (query) => set({ query }),
  select: (selectedId) => set({ selectedId, editing: null, editorClosed: false }),
  point: (selectedId) => set({ selectedId, editing: null, editorClosed: true }),
  startNew: () => set({ editing: 'new', editorClosed: false }),
  stopNew: () => set({ editing: null }),
  preview: (plan) => set({ plan }),
}));
