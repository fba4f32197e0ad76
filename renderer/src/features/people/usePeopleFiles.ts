import { useMemo } from 'react';
import type { Lang } from '@shared/domain';
import { serializePeopleCsv } from '@shared/people/csv';
import { importKindOf, planImport } from '@shared/people/importPlan';
import { livePeopleByName } from './peopleIndex';
import { serializePeopleVcard } from '@shared/people/vcard';
import { uuidv7 } from '@shared/uuid';
import { useAnnouncer } from '../../app/announcer';
import { useServices } from '../../app/services';
import { useT } from '../../i18n/I18nProvider';
import { usePeopleUi } from './peopleStore';
import { deviceTimeZone } from './usePeople';

const IMPORT_FILTERS = [{ name: 'CSV / vCard', extensions: ['csv', 'tsv', 'txt', 'vcf', 'vcard'] }];
const CSV_FILTERS = [{ name: 'CSV', extensions: ['csv'] }];
const VCARD_FILTERS = [{ name: 'vCard', extensions: ['vcf'] }];

/**
 * Import and export of the directory through the host's file dialogs. An import only plans: the
 * preview dialog shows the plan, and writes it (one mutation) when the user confirms.
 */
export function usePeopleFiles(locale: Lang) {
  const t = useT();
  const { db, host } = useServices();
  const announce = useAnnouncer((s) => s.announce);
  const preview = usePeopleUi((s) => s.preview);

  // One object per language and services: the People view's toolbar is built once, not per keystroke.
  return useMemo(() => {
    const everyone = async () => {
      const people = await db.people.toArray();
      return { directory: people, live: livePeopleByName(people, locale) };
    };

    const save = async (suggestedName: string, text: string, filters: typeof CSV_FILTERS) => {
      const saved = await host.saveTextFile(t('people.export.title'), suggestedName, text, filters);
      if (saved) announce(t('people.export.done'));
    };
    const stamp = () => new Date().toISOString().slice(0, 10);

    return {
      async importFile() {
        const file = await host.openTextFile(t('people.import.pickTitle'), IMPORT_FILTERS);
        if (!file) return;
        // A file named otherwise is a vCard if it says so, CSV if not.
        const kind = importKindOf(file.name) ?? (/^\s*BEGIN:VCARD/im.test(file.text.slice(0, 4096)) ? 'vcard' : 'csv');
        const { directory } = await everyone();
        preview(planImport({ file: file.name, text: file.text, encoding: file.encoding, kind, directory, defaultTimeZone: deviceTimeZone(), newId: () => uuidv7() }));
      },
      async exportCsv() {
        const { directory, live } = await everyone();
        await save(`calma-people-${stamp()}.csv`, serializePeopleCsv(live, { lang: locale, directory, timeZone: deviceTimeZone() }), CSV_FILTERS);
      },
      async exportVcard() {
        const { directory, live } = await everyone();
        await save(`calma-people-${stamp()}.vcf`, serializePeopleVcard(live, directory), VCARD_FILTERS);
      },
    };
  }, [t, db, host, announce, preview, locale]);
}
