import fc from 'fast-check';
import { createIntl } from 'react-intl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANONYMOUS_AUTHOR, authorToStore, readAuthor, shortDeviceId } from '../../../shared/domain';
import { authorLabel, currentAuthor, followDeviceId } from '../../../renderer/src/app/author';
import { usePreferences } from '../../../renderer/src/app/uiStore';
import { loadDevice } from '../../../renderer/src/db/device';
import { en } from '../../../renderer/src/i18n/messages/en';
import { es } from '../../../renderer/src/i18n/messages/es';
import type { Translate } from '../../../renderer/src/i18n/I18nProvider';
import { freshDb } from '../db/fixtures';

const translator = (locale: 'es' | 'en'): Translate => {
  const intl = createIntl({ locale, messages: locale === 'es' ? es : en });
  return (id, values) => intl.formatMessage({ id }, values);
};
const EN = translator('en');
const ES = translator('es');
const DEVICE = 'd3f2a0b1c2d3e4f5a6b7';

describe('the author stored for a write', () => {
  it('is the name set in Settings, trimmed', () => {
    expect(authorToStore('  Ana Ortega ', DEVICE)).toBe('Ana Ortega');
  });

  it('is the untranslated anonymous marker, with the device, when no name is set', () => {
    expect(authorToStore('', DEVICE)).toBe(`${ANONYMOUS_AUTHOR}/${DEVICE}`);
    expect(authorToStore('   ', DEVICE)).toBe(`${ANONYMOUS_AUTHOR}/${DEVICE}`);
    // Before the device's first write there is no id yet: the bare marker.
    expect(authorToStore('', null)).toBe(ANONYMOUS_AUTHOR);
    // An id the marker cannot carry (never made by Calma) is left out rather than stored garbled.
    expect(authorToStore('', 'd 3f/2a')).toBe(ANONYMOUS_AUTHOR);
  });
});

describe('an author as shown', () => {
  it('names the marker "Anonymous", in the interface language, with the short device id', () => {
    expect(authorLabel(`${ANONYMOUS_AUTHOR}/${DEVICE}`, EN)).toBe('Anonymous (device 3f2a)');
    expect(authorLabel(`${ANONYMOUS_AUTHOR}/${DEVICE}`, ES)).toBe('Anónimo (dispositivo 3f2a)');
    expect(authorLabel(ANONYMOUS_AUTHOR, EN)).toBe('Anonymous');
    expect(authorLabel(ANONYMOUS_AUTHOR, ES)).toBe('Anónimo');
  });

  it('reads the lower-case words earlier versions stored, from either language, as anonymous', () => {
    for (const legacy of ['anonymous', 'anónimo', 'ano\u0301nimo']) {
      expect(readAuthor(legacy)).toEqual({ kind: 'anonymous', deviceId: null });
      expect(authorLabel(legacy, EN)).toBe('Anonymous');
      expect(authorLabel(legacy, ES)).toBe('Anónimo');
    }
  });

  it('leaves real names as written, a person who calls themself "Anonymous" included', () => {
    for (const name of ['Ana Ortega', 'Anonymous', 'Anónimo', 'ANONYMOUS', ' anonymous', 'anonymous2', '@anonymous/', '@anonymous/d 1', 'anon']) {
      expect(readAuthor(name)).toEqual({ kind: 'person', name });
      expect(authorLabel(name, ES)).toBe(name);
    }
  });

  it('shortens Calma device ids to four hex digits and other node ids to their first four characters', () => {
    expect(shortDeviceId(DEVICE)).toBe('3f2a');
    expect(shortDeviceId('device_1')).toBe('devi');
    expect(shortDeviceId('dx')).toBe('dx');
  });

  it('gives back any stored name or device: what is stored reads back as what was meant', () => {
    const deviceId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.option(deviceId), (name, device) => {
        const stored = authorToStore(name, device);
        const author = readAuthor(stored);
        const legacy = ['anonymous', 'anónimo'].includes(name.trim().normalize('NFC')) || /^@anonymous(\/[A-Za-z0-9_-]{1,40})?$/.test(name.trim());
        if (name.trim() === '') expect(author).toEqual({ kind: 'anonymous', deviceId: device });
        else if (legacy) expect(author.kind).toBe('anonymous');
        else expect(author).toEqual({ kind: 'person', name: name.trim() });
      }),
      { numRuns: 500 },
    );
  });
});

describe('the author of this device', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    usePreferences.setState({ userName: '' });
  });

  it('follows the device row: the bare marker before the first write, the marker with the id after it', async () => {
    const db = freshDb();
    usePreferences.setState({ userName: '' });
    stops.push(followDeviceId(db));
    await vi.waitFor(() => expect(currentAuthor()).toBe(ANONYMOUS_AUTHOR));
    const device = await db.transaction('rw', db.meta, () => loadDevice(db));
    await vi.waitFor(() => expect(currentAuthor()).toBe(`${ANONYMOUS_AUTHOR}/${device.id}`));
    usePreferences.setState({ userName: ' Luis ' });
    expect(currentAuthor()).toBe('Luis');
  });
});
