import { create } from 'zustand';

/**
 * How many lines a toast of joined messages keeps: past it the oldest messages go, each whole (a
 * heading with its lines), never a heading without its lines or lines without their heading. The
 * newest message always stays whole, however many lines it has: its heading says how many.
 */
export const MAX_JOINED_LINES = 6;

/** How long a toast stays after its latest message. */
export const TOAST_MS = 6000;

/** One line of the toast; `seq` never repeats, so a line keeps its key while lines around it come and go. */
export interface AnnouncedLine {
  seq: number;
  /** Which announce call the line came in: lines of one call (a heading and its lines) go together. */
  batch: number;
  text: string;
  tone: 'info' | 'error';
}

/**
 * Short messages for the polite live region (copied, imported, saved), read by screen readers too.
 * A new message replaces the one shown, unless joining is asked for: a message announced with
 * `join` (the call tree's timers and give-ups: several can come at once, in several incidents)
 * while another message is shown is added after it, and once a toast holds joined messages any
 * message that arrives while it is shown is added too, so neither a joined line nor the "saved"
 * of whatever the user was doing meanwhile is lost. A message may be several lines (a heading and
 * one line per item): they are kept, and dropped, together.
 */
interface Announcer {
  /** The lines shown, oldest first; empty when nothing is. */
  lines: AnnouncedLine[];
  /** The lines as one text (line breaks between), for whoever wants it as a whole. */
  message: string;
  /** Error when any line shown is. */
  tone: 'info' | 'error';
  /** Increases with every announcement (the toast restarts its timer). */
  id: number;
  /** Whether the toast shown holds joined messages, so that what comes next is added to it. */
  joinable: boolean;
  /** The last line's `seq`. */
  seq: number;
  /**
   * When the toast's time is up (epoch ms). Past it, the lines count as gone even if the timer
   * that clears them has not run yet (a console waking from sleep runs its late timers in any
   * order): a new message then starts a toast of its own instead of joining stale ones.
   */
  shownUntil: number;
  announce(message: string | readonly string[], tone?: 'info' | 'error', options?: { join?: boolean }): void;
  clear(): void;
}

/** Drops the oldest messages, whole, until the lines fit or only the newest message is left. */
function keepLatest(lines: AnnouncedLine[]): AnnouncedLine[] {
  let kept = lines;
  while (kept.length > MAX_JOINED_LINES && kept[0]!.batch !== kept.at(-1)!.batch) {
    const oldest = kept[0]!.batch;
    kept = kept.filter((line) => line.batch !== oldest);
  }
  return kept;
}

export const useAnnouncer = create<Announcer>()((set) => ({
  lines: [],
  message: '',
  tone: 'info',
  id: 0,
  joinable: false,
  seq: 0,
  shownUntil: 0,
  announce: (message, tone = 'info', options = {}) =>
    set((s) => {
      const id = s.id + 1;
      const now = Date.now();
      const texts = typeof message === 'string' ? [message] : [...message];
      const added = texts.map((text, i) => ({ seq: s.seq + 1 + i, batch: id, text, tone }));
      const shown = s.lines.length > 0 && now < s.shownUntil;
      const join = shown && (options.join === true || s.joinable);
      const lines = join ? keepLatest([...s.lines, ...added]) : added;
      return {
        lines,
        message: lines.map((line) => line.text).join('\n'),
        tone: lines.some((line) => line.tone === 'error') ? 'error' : 'info',
        id,
        joinable: join || options.join === true,
        seq: s.seq + texts.length,
        shownUntil: now + TOAST_MS,
      };
    }),
  clear: () => set({ lines: [], message: '', joinable: false }),
}));
