import { useEffect } from 'react';
import type { Lang } from '@shared/domain';
import { stepState } from '@shared/incidents/deadlines';
import { isOpen } from '@shared/incidents/statusMachine';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';

const NOTIFIED_KEY = 'notified.overdue';
const EVERY_MS = 5_000;

/**
 * Watches the clock for steps that become overdue in any open incident and asks the host for a
 * desktop notification, once per step: the steps already notified are kept in meta, so neither a
 * reload nor a second window repeats them.
 */
export function OverdueWatcher({ locale }: { locale: Lang }) {
  const t = useT();
  const { db, host } = useServices();
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      const now = Date.now();
      const incidents = (await db.incidents.toArray()).filter((i) => !i.deleted && isOpen(i.status));
      if (incidents.length === 0) return;
      const items = await db.checklistItems.where('incidentId').anyOf(incidents.map((i) => i.id)).toArray();
      const late = items.filter((i) => !i.deleted && stepState(i, now) === 'overdue');
      if (late.length === 0) return;
      const fresh = await db.transaction('rw', db.meta, async () => {
        const seen = new Set(((await db.meta.get(NOTIFIED_KEY))?.value as string[] | undefined) ?? []);
        const unseen = late.filter((i) => !seen.has(i.id));
        if (unseen.length > 0) await db.meta.put({ key: NOTIFIED_KEY, value: [...seen, ...unseen.map((i) => i.id)] });
        return unseen;
      });
      for (const item of fresh) {
        if (stopped) return;
        const incident = incidents.find((i) => i.id === item.incidentId)!;
        const step = (item.text[locale] || item.text.en).split('\n')[0]!.replace(/[*_`#]/g, '');
        await host.notify(t('incidents.notify.title', { incident: incident.title }), t('incidents.notify.body', { step })).catch(() => false);
      }
    };
    const timer = setInterval(() => void check().catch(() => undefined), EVERY_MS);
    void check().catch(() => undefined);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [db, host, locale, t]);
  return null;
}
