import { createIntl, type IntlShape } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/messages/en';
import { es } from '../../../renderer/src/i18n/messages/es';

const english = createIntl({ locale: 'en', messages: en });
const spanish = createIntl({ locale: 'es', messages: es });

describe('import success messages', () => {
  const say = (intl: IntlShape, id: 'import.done' | 'playbooks.import.done', records: number, revisions: number) => intl.formatMessage({ id }, { records, revisions });

  it('agree with their numbers in both languages', () => {
    expect(say(english, 'import.done', 1, 1)).toBe('Imported 1 answer and 1 revision.');
    expect(say(english, 'import.done', 2, 3)).toBe('Imported 2 answers and 3 revisions.');
    expect(say(english, 'import.done', 1, 2)).toBe('Imported 1 answer and 2 revisions.');
    expect(say(spanish, 'import.done', 1, 1)).toBe('Importada 1 respuesta y 1 revisión.');
    expect(say(spanish, 'import.done', 2, 3)).toBe('Importadas 2 respuestas y 3 revisiones.');
    expect(say(english, 'playbooks.import.done', 1, 1)).toBe('Imported 1 playbook (1 revision).');
    expect(say(english, 'playbooks.import.done', 8, 9)).toBe('Imported 8 playbooks (9 revisions).');
    expect(say(spanish, 'playbooks.import.done', 1, 1)).toBe('Importado 1 protocolo (1 revisión).');
    expect(say(spanish, 'playbooks.import.done', 8, 9)).toBe('Importados 8 protocolos (9 revisiones).');
  });
});
