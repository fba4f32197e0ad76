import { lazy, Suspense, useEffect } from 'react';
import type { Lang } from '@shared/domain';
import { useT } from '../i18n/I18nProvider';
import { AnswerEditor } from '../features/answers/AnswerEditor';
import { AnswersDesk } from '../features/answers/AnswersDesk';
import { CopyDialog } from '../features/answers/CopyDialog';
import { ImportIssues } from '../features/library/ImportIssues';
import { CommandPalette } from '../features/palette/CommandPalette';
import { DeclareDialog } from '../features/incidents/DeclareDialog';
import { IncidentsView } from '../features/incidents/IncidentsView';
import { OverdueWatcher } from '../features/incidents/OverdueWatcher';
import { EscalationWatcher } from '../features/callTree/EscalationWatcher';
import { SyncStatusBadge } from '../features/team/SyncStatusBadge';
import type { MessageId } from '../i18n/messages/en';
import { TOAST_MS, useAnnouncer } from './announcer';
import { usePreferences, useSession, type View } from './uiStore';

// The views a crisis starts with (incidents, answers) load with the console; the others load the
// first time they are opened, so start-up parses less. The service worker caches every chunk, so
// they open offline too.
const PlaybooksView = lazy(() => import('../features/playbooks/PlaybooksView').then((m) => ({ default: m.PlaybooksView })));
const PeopleView = lazy(() => import('../features/people/PeopleView').then((m) => ({ default: m.PeopleView })));
const TreesView = lazy(() => import('../features/contactTrees/TreesView').then((m) => ({ default: m.TreesView })));
const SummaryView = lazy(() => import('../features/summary/SummaryView').then((m) => ({ default: m.SummaryView })));
const Settings = lazy(() => import('../features/settings/Settings').then((m) => ({ default: m.Settings })));

const VIEWS: { id: View; label: MessageId }[] = [
  { id: 'incidents', label: 'nav.incidents' },
  { id: 'answers', label: 'nav.answers' },
  { id: 'playbooks', label: 'nav.playbooks' },
  { id: 'people', label: 'nav.people' },
  { id: 'trees', label: 'nav.trees' },
  { id: 'summary', label: 'nav.summary' },
  { id: 'settings', label: 'nav.settings' },
];

function CurrentView({ view, locale }: { view: View; locale: Lang }) {
  switch (view) {
    case 'incidents':
      return <IncidentsView locale={locale} />;
    case 'answers':
      return <AnswersDesk locale={locale} />;
    case 'playbooks':
      return <PlaybooksView locale={locale} />;
    case 'people':
      return <PeopleView locale={locale} />;
    case 'trees':
      return <TreesView locale={locale} />;
    case 'summary':
      return <SummaryView locale={locale} />;
    case 'settings':
      return <Settings />;
  }
}

export function App({ locale }: { locale: Lang }) {
  const t = useT();
  const view = useSession((s) => s.view);
  const setView = useSession((s) => s.setView);
  const setPaletteOpen = useSession((s) => s.setPaletteOpen);
  const theme = usePreferences((s) => s.theme);
  const userName = usePreferences((s) => s.userName);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dataset.theme = theme;
    document.title = t('app.title');
  }, [locale, theme, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="topbar">
        <span className="brand" aria-hidden="true">Calma</span>
        <nav aria-label={t('nav.label')}>
          {VIEWS.map((v) => (
            <button key={v.id} type="button" aria-current={view === v.id ? 'page' : undefined} onClick={() => setView(v.id)}>
              {t(v.label)}
            </button>
          ))}
        </nav>
        <SyncStatusBadge />
        <button type="button" className="palette-button" onClick={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K Meta+K">
          {t('palette.open')} <kbd>Ctrl K</kbd>
        </button>
        {!userName.trim() && (
          <button type="button" className="link" onClick={() => setView('settings')}>{t('nav.setName')}</button>
        )}
      </header>
      <UpdateNotice />
      <main id="main" tabIndex={-1}>
        <h1 className="visually-hidden">{t(VIEWS.find((v) => v.id === view)!.label)}</h1>
        <Suspense fallback={<p className="muted" aria-busy="true">{t('common.loading')}</p>}>
          <CurrentView view={view} locale={locale} />
        </Suspense>
      </main>
      <Announcements />
      <CopyDialog />
      <AnswerEditor />
      <ImportIssues />
      <DeclareDialog locale={locale} />
      <OverdueWatcher locale={locale} />
      <EscalationWatcher />
      <CommandPalette locale={locale} />
    </div>
  );
}

/** Offers a reload once a new release is installed (browser build; see registerOfflineCache). */
function UpdateNotice() {
  const t = useT();
  const ready = useSession((s) => s.updateReady);
  const announce = useAnnouncer((s) => s.announce);
  // Said through the live region that is always there: a status element that appears with its
  // text already in it is often not read out.
  useEffect(() => {
    if (ready) announce(t('update.ready'));
  }, [ready, announce, t]);
  if (!ready) return null;
  return (
    <div className="update-notice" data-testid="update-notice">
      {t('update.ready')}{' '}
      <button type="button" onClick={() => window.location.reload()}>{t('update.reload')}</button>
    </div>
  );
}

function Announcements() {
  const { lines, tone, id } = useAnnouncer();
  const clear = useAnnouncer((s) => s.clear);
  const shown = lines.length > 0;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(clear, TOAST_MS);
    return () => clearTimeout(timer);
  }, [id, shown, clear]);
  return (
    <div className={`toast ${tone}`} role="status" aria-live="polite" data-testid="toast" data-live-announcer="true">
      {/* Joined messages (see useAnnouncer), a line each, keyed by the line's own number: a line
          added is read alone, and when the oldest go the others stay put and are not read again. */}
      {lines.map((line) => (
        <span key={line.seq} style={{ display: 'block' }}>{line.text}</span>
      ))}
    </div>
  );
}
