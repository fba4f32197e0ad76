import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/messages/en';
import { es } from '../../../renderer/src/i18n/messages/es';

describe('message catalogues', () => {
  it('have exactly the same keys in Spanish and English', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message and the same {placeholders} in both languages', () => {
    // The arguments a message uses, read with the ICU parser react-intl itself uses.
    const names = (text: string): string[] => {
      const found: string[] = [];
      const walk = (elements: MessageFormatElement[]) => {
        for (const e of elements) {
          if (e.type !== TYPE.literal && e.type !== TYPE.pound && e.type !== TYPE.tag) found.push(e.value);
          if ('options' in e) for (const option of Object.values(e.options)) walk(option.value);
          if ('children' in e) walk(e.children);
        }
      };
      walk(parse(text));
      return found;
    };
    for (const [key, text] of Object.entries(en)) {
      const spanish = es[key as keyof typeof es];
      expect(text.trim(), key).not.toBe('');
      expect(spanish.trim(), key).not.toBe('');
      expect(new Set(names(spanish)), key).toEqual(new Set(names(text)));
    }
  });
});
