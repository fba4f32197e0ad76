import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { enrol, leaveTeam } from '../../sync/enrolment';
import { teamLink } from '../../sync/teamLink';
import { useTeam } from '../../sync/useTeam';
import { enrolmentErrorText } from './enrolmentError';
import { ROLE_LABEL, refusalText } from './labels';

/** Settings → Team: join with a server address and a code, see who you are, leave. */
export function TeamSettings() {
  const t = useT();
  const intl = useIntl();
  const services = useServices();
  const team = useTeam();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [deviceName, setDeviceName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!team) return null;
  const { link, notice, waiting, refusals } = team;
  const deps = { db: services.db, host: services.host, transportFor: services.sync.transportFor };

  async function join(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await enrol(deps, { serverUrl, code, deviceName });
      setCode('');
      services.sync.runner.requestSync();
    } catch (e) {
      setError(enrolmentErrorText(t, e, serverUrl));
    } finally {
      setBusy(false);
    }
  }

  async function leave() {
    const question = waiting > 0 ? t('team.leave.confirmWaiting', { count: waiting }) : t('team.leave.confirm');
    if (!window.confirm(question)) return;
    await leaveTeam(deps);
    window.location.reload();
  }

  return (
    <section aria-labelledby="s-team" data-testid="team-settings">
      <h3 id="s-team">{t('team.title')}</h3>
      {notice && (
        <div role="alert" className="notice">
          <p>{notice.reason === 'revoked' ? t('team.notice.revoked', { team: notice.team }) : t('team.notice.left', { team: notice.team })}</p>
          {notice.message && <p className="muted small">{notice.message}</p>}
          <button type="button" onClick={() => void teamLink.setNotice(services.db, null)}>{t('team.notice.dismiss')}</button>
        </div>
      )}
      {link ? (
        <>
          <dl className="team-identity">
            <dt>{t('team.team')}</dt>
            <dd>{link.identity.team.name}</dd>
            <dt>{t('team.signedInAs')}</dt>
            <dd data-testid="team-person">{link.identity.person.name}</dd>
            <dt>{t('team.role')}</dt>
            <dd>{t(ROLE_LABEL[link.identity.person.role])}</dd>
            <dt>{t('team.server')}</dt>
            <dd><code>{link.serverUrl}</code></dd>
            <dt>{t('team.device')}</dt>
            <dd>{link.identity.device.name}</dd>
            <dt>{t('team.lastSynced')}</dt>
            <dd>{link.lastSyncedAt ? intl.formatDate(link.lastSyncedAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('team.never')}</dd>
          </dl>
          {refusals.length > 0 && (
            <div>
              <h4>{t('team.refusals.title', { count: refusals.length })}</h4>
              <p className="muted small">{t('team.refusals.hint')}</p>
              <ul className="refusals" data-testid="refusals">
                {refusals.map((r) => (
                  <li key={r.seq}>
                    <strong>{refusalText(t, r)}</strong> <span className="muted small">{r.message}</span>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => void teamLink.setRefusals(services.db, [])}>{t('team.refusals.dismiss')}</button>
            </div>
          )}
          <div className="row">
            <button type="button" onClick={() => services.sync.runner.requestSync()}>{t('team.syncNow')}</button>
            <button type="button" className="danger" onClick={() => void leave()}>{t('team.leave')}</button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void join(e)} className="team-join" aria-describedby="team-join-hint">
          <p id="team-join-hint" className="muted small">{t('team.joinHint')}</p>
          <label>
            {t('team.serverAddress')}
            <input type="url" required value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} placeholder="https://calma.example.org" inputMode="url" autoComplete="url" />
          </label>
          <label>
            {t('team.code')}
            <input required value={code} onChange={(e) => setCode(e.target.value)} autoComplete="one-time-code" spellCheck={false} />
          </label>
          <label>
            {t('team.deviceName')}
            <input value={deviceName} onChange={(e) => setDeviceName(e.target.value)} placeholder={t('team.deviceNamePlaceholder')} />
          </label>
          {error && <p role="alert" className="error">{error}</p>}
          <button type="submit" disabled={busy}>{busy ? t('team.joining') : t('team.join')}</button>
        </form>
      )}
    </section>
  );
}
