import { fc, test } from '@fast-check/vitest';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { describeOffset, formatOffset, MAX_OFFSET_MINUTES, offsetParts } from '../../../renderer/src/features/playbooks/formatOffset';
import { en } from '../../../renderer/src/i18n/messages/en';
import { es } from '../../../renderer/src/i18n/messages/es';

const intlEn = createIntl({ locale: 'en', messages: en });
const intlEs = createIntl({ locale: 'es', messages: es });

describe('formatOffset', () => {
  it('writes deadlines the way a crisis team does', () => {
    expect(formatOffset(0, intlEn)).toBe('T+0 min');
    expect(formatOffset(15, intlEn)).toBe('T+15 min');
    expect(formatOffset(60, intlEn)).toBe('T+1 h');
    expect(formatOffset(120, intlEn)).toBe('T+2 h');
    expect(formatOffset(135, intlEn)).toBe('T+2 h 15 min');
    expect(formatOffset(1440, intlEn)).toBe('T+1 d');
    expect(formatOffset(1440 + 240, intlEn)).toBe('T+1 d 4 h');
    expect(formatOffset(1440 + 5, intlEn)).toBe('T+1 d 5 min');
    expect(formatOffset(2 * 1440 + 4 * 60 + 5, intlEn)).toBe('T+2 d 4 h 5 min');
  });

  it('is localized', () => {
    expect(formatOffset(1440 + 240, intlEs)).toBe('T+1 d 4 h');
    expect(describeOffset(1440 + 240, intlEs)).toBe('1 día y 4 horas después de la declaración');
    expect(describeOffset(1440 + 240, intlEn)).toBe('1 day and 4 hours after the declaration');
    expect(describeOffset(2 * 1440 + 60 + 1, intlEn)).toBe('2 days, 1 hour, and 1 minute after the declaration');
    expect(describeOffset(30, intlEs)).toBe('30 minutos después de la declaración');
    expect(describeOffset(0, intlEn)).toBe('As soon as the incident is declared');
  });

  it('never shows a negative or fractional deadline', () => {
    expect(formatOffset(-5, intlEn)).toBe('T+0 min');
    expect(formatOffset(90.7, intlEn)).toBe('T+1 h 30 min');
  });

  test.prop([fc.integer({ min: 0, max: MAX_OFFSET_MINUTES })])('loses no minute: the parts add up to the offset', (minutes) => {
    const { days, hours, minutes: mins } = offsetParts(minutes);
    expect(days * 1440 + hours * 60 + mins).toBe(minutes);
    expect(hours).toBeLessThan(24);
    expect(mins).toBeLessThan(60);
    expect(formatOffset(minutes, intlEn)).toMatch(/^T\+(\d+ d)?( ?\d+ h)?( ?\d+ min)?$/);
  });
});
