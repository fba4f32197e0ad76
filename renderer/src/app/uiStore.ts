import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Channel, Lang, RevisionStatus } from '@shared/domain';

export type View = 'incidents' | 'answers' | 'playbooks' | 'people' | 'trees' | 'summary' | 'settings';
export type ThemeChoice = 'system' | 'light' | 'dark';

export interface AnswerFilters {
  channel: Channel | null;
  lang: Lang | null;
  status: RevisionStatus | null;
}

/** Preferences that survive a restart: small, per machine, not team data. */
interface Preferences {
  localeChoice: Lang | 'system';
  theme: ThemeChoice;
  /** The name written in history rows (who copied, who approved) until team sign-in lands. */
  userName: string;
  /** The channel the copy dialog opens on, remembered from the last copy. */
  lastChannel: Channel;
  setLocaleChoice(choice: Lang | 'system'): void;
  setTheme(theme: ThemeChoice): void;
  setUserName(name: string): void;
  setLastChannel(channel: Channel): void;
}

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      localeChoice: 'system',
      theme: 'system',
      userName: '',
      lastChannel: 'x',
      setLocaleChoice: (localeChoice) => set({ localeChoice }),
      setTheme: (theme) => set({ theme }),
      setUserName: (userName) => set({ userName: userName.slice(0, 120) }),
      setLastChannel: (lastChannel) => set({ lastChannel }),
    }),
    { name: 'calma.preferences', version: 1 },
  ),
);

/** Session state of the console: what is open and selected. Data itself stays in Dexie. */
interface SessionState {
  view: View;
  query: string;
  filters: AnswerFilters;
  selectedAnswerId: string | null;
  /** The answer whose copy dialog is open, with the language and channel it opened on. */
  copying: { answerId: string; lang: Lang; channel: Channel; incidentId?: string | null } | null;
  editingAnswerId: string | 'new' | null;
  paletteOpen: boolean;
  selectedIncidentId: string | null;
  selectedPlaybookId: string | null;
  /** The declare dialog, open with a playbook preselected (or none for a blank incident). */
  declaring: { playbookId: string | null } | null;
  /** What the summary page shows: one incident, or every open one. */
  summaryOf: string | 'all';
  /** A new release of the console is installed (browser build) and a reload would start it. */
  updateReady: boolean;
  setView(view: View): void;
  setQuery(query: string): void;
  setFilter<K extends keyof AnswerFilters>(key: K, value: AnswerFilters[K]): void;
  select(id: string | null): void;
  openCopy(copying: SessionState['copying']): void;
  openEditor(id: SessionState['editingAnswerId']): void;
  setPaletteOpen(open: boolean): void;
  selectIncident(id: string | null): void;
  selectPlaybook(id: string | null): void;
  openDeclare(declaring: SessionState['declaring']): void;
  showSummary(of: string | 'all'): void;
  setUpdateReady(): void;
}

export const useSession = create<SessionState>()((set) => ({
  view: 'answers',
  query: '',
  filters: { channel: null, lang: null, status: null },
  selectedAnswerId: null,
  copying: null,
  editingAnswerId: null,
  paletteOpen: false,
  selectedIncidentId: null,
  selectedPlaybookId: null,
  declaring: null,
  summaryOf: 'all',
  updateReady: false,
  setView: (view) => set({ view }),
  setQuery: (query) => set({ query }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  select: (selectedAnswerId) => set({ selectedAnswerId }),
  openCopy: (copying) => set({ copying }),
  openEditor: (editingAnswerId) => set({ editingAnswerId }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  selectIncident: (selectedIncidentId) => set({ selectedIncidentId }),
  selectPlaybook: (selectedPlaybookId) => set({ selectedPlaybookId }),
  openDeclare: (declaring) => set({ declaring }),
  showSummary: (summaryOf) => set({ summaryOf, view: 'summary' }),
  setUpdateReady: () => set({ updateReady: true }),
}));
