import { describe, expect, it } from 'vitest';
import { channelLength, checkLength } from '../../../shared/domain/channels';

describe('channel limits', () => {
  it('counts every link as 23 characters on X, whatever its real length', () => {
    const long = `Details: https://example.com/${'a'.repeat(200)}`;
    expect(channelLength(long, 'x')).toBe('Details: '.length + 23);
    expect(channelLength('see http://a.io and https://b.io/x', 'x')).toBe('see  and '.length + 46);
  });

  it('counts links at their real length outside X', () => {
    expect(channelLength('https://example.com', 'sms')).toBe(19);
  });

  it('counts what people see as one character as one (accents, emoji)', () => {
    expect(channelLength('cafe\u0301', 'sms')).toBe(4);
    expect(channelLength('👍🏽 ok', 'x')).toBe(4);
    expect(channelLength('crísis', 'x')).toBe(6);
  });

  it('reports over-limit texts per channel', () => {
    expect(checkLength('a'.repeat(280), 'x')).toEqual({ length: 280, limit: 280, over: false });
    expect(checkLength('a'.repeat(281), 'x').over).toBe(true);
    expect(checkLength('a'.repeat(161), 'sms')).toEqual({ length: 161, limit: 160, over: true });
    expect(checkLength('a'.repeat(2201), 'instagram').over).toBe(true);
    expect(checkLength('a'.repeat(3000), 'linkedin').over).toBe(false);
    expect(checkLength('a'.repeat(100_000), 'email')).toEqual({ length: 100_000, limit: null, over: false });
  });
});
