import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fillTemplate, revisionProblems, variableNames } from '../../../shared/domain/answers';

describe('answer templates', () => {
  it('lists variables in order of first use, tolerating inner spaces', () => {
    expect(variableNames('{{producto}} a las {{ hora }}; {{producto}} otra vez')).toEqual(['producto', 'hora']);
  });

  it('fills every blank and reports the ones left empty', () => {
    expect(fillTemplate('{{producto}} vuelve a las {{hora}}', { producto: 'La app', hora: '18:00' })).toEqual({
      text: 'La app vuelve a las 18:00',
      missing: [],
    });
    expect(fillTemplate('{{producto}} vuelve a las {{hora}}', { producto: 'La app', hora: '   ' })).toEqual({
      text: 'La app vuelve a las {{hora}}',
      missing: ['hora'],
    });
  });

  it('does not interpret replacement patterns in values', () => {
    expect(fillTemplate('A {{x}} B', { x: '$& $1 $$' }).text).toBe('A $& $1 $$ B');
  });

  it('flags over-limit texts and undeclared variables, which block approval', () => {
    const problems = revisionProblems({ es: { sms: 'x'.repeat(161) }, en: { x: 'Hi {{nombre}}' } }, []);
    expect(problems).toEqual([
      { lang: 'es', channel: 'sms', kind: 'over-limit', detail: '161/160' },
      { lang: 'en', channel: 'x', kind: 'undeclared-variable', detail: 'nombre' },
    ]);
  });

  test.prop([fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.string({ minLength: 1 }).filter((s) => s.trim() !== '' && !s.includes('{{')))])(
    'a text whose variables are all given has no blank left',
    (values) => {
      const text = Object.keys(values).map((k) => `{{${k}}}`).join(' - ');
      const filled = fillTemplate(text, values);
      expect(filled.missing).toEqual([]);
      expect(filled.text).toBe(Object.values(values).join(' - '));
    },
  );
});
