import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useIntl } from 'react-intl';
import { currentPersistence, requestPersistentStorage, type PersistenceState } from '../../app/persistentStorage';
import { useServices } from '../../app/services';
import { usePreferences, type ThemeChoice } from '../../app/uiStore';
import { useT } from '../../i18n/I18nProvider';
import { ANSWERS } from '../library/libraryKinds';
import { useLibraryFiles } from '../library/useLibraryFiles';
import { TeamSettings } from '../team/TeamSettings';

const PERSISTENCE_LABEL = { persistent: 'settings.persistent', 'best-effort': 'settings.bestEffort', unsupported: 'settings.unsupported' } as const;

export function Settings() {
  const t = useT();
  const intl = useIntl();
  const { db, host } = useServices();
  const prefs = usePreferences();
  const files = useLibraryFiles(ANSWERS);
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  const [usage, setUsage] = useState<StorageEstimate | null>(null);
  const counts = useLiveQuery(async () => ({
    answers: await db.answers.filter((a) => !a.deleted).count(),
    copies: await db.copyEvents.count(),
    pending: await db.outbox.count(),
  }), [db]);

  useEffect(() => {
    void currentPersistence().then(setPersistence);
    void navigator.storage?.estimate?.().then(setUsage);
  }, []);

  const mb = (bytes: number | undefined) => intl.formatNumber((bytes ?? 0) / 1_048_576, { maximumFractionDigits: 1 });
  return (
    <div className="settings">
      <h2>{t('settings.title')}</h2>
      <section aria-labelledby="s-you">
        <h3 id="s-you">{t('settings.you')}</h3>
        <label>
          {t('settings.name')}
          <input value={prefs.userName} onChange={(e) => prefs.setUserName(e.target.value)} aria-describedby="name-hint" autoComplete="name" />
        </label>
        <p id="name-hint" className="muted small">{t('settings.nameHint')}</p>
      </section>
      <section aria-labelledby="s-look">
        <h3 id="s-look">{t('settings.appearance')}</h3>
        <label>
          {t('settings.language')}
          <select value={prefs.localeChoice} onChange={(e) => prefs.setLocaleChoice(e.target.value as 'es' | 'en' | 'system')} data-testid="language-select">
            <option value="system">{t('settings.system')}</option>
            <option value="es">{t('lang.es')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </label>
        <label>
          {t('settings.theme')}
          <select value={prefs.theme} onChange={(e) => prefs.setTheme(e.target.value as ThemeChoice)}>
            <option value="system">{t('settings.system')}</option>
            <option value="light">{t('settings.light')}</option>
            <option value="dark">{t('settings.dark')}</option>
          </select>
        </label>
      </section>
      <section aria-labelledby="s-data">
        <h3 id="s-data">{t('settings.data')}</h3>
        <p data-testid="persistence">
          {t('settings.storage')}: <strong>{persistence ? t(PERSISTENCE_LABEL[persistence]) : '…'}</strong>
          {persistence === 'best-effort' && (
            <button type="button" onClick={() => void requestPersistentStorage().then(setPersistence)}>{t('settings.askPersist')}</button>
          )}
        </p>
        {usage && <p>{t('settings.usage', { used: mb(usage.usage), quota: mb(usage.quota) })}</p>}
        {counts && <p>{t('settings.counts', counts)}</p>}
        <div className="row">
          <button type="button" onClick={() => void files.importFile()}>{t('settings.import')}</button>
          <button type="button" onClick={() => void files.exportFile('yaml')}>{t('settings.exportYaml')}</button>
          <button type="button" onClick={() => void files.exportFile('json')}>{t('settings.exportJson')}</button>
        </div>
      </section>
      <TeamSettings />
      <section aria-labelledby="s-about">
        <h3 id="s-about">{t('settings.about')}</h3>
        <p>{host.kind === 'electron' ? t('settings.hostElectron') : t('settings.hostBrowser')}</p>
      </section>
    </div>
  );
}
