import { z } from 'zod';

/** Channels an answer has a variant for, in the order the desk shows them. */
export const CHANNELS = ['x', 'instagram', 'facebook', 'linkedin', 'sms', 'email', 'press'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

export interface ChannelRule {
  /** Maximum length as the channel counts it; null where the channel sets no practical limit. */
  limit: number | null;
  /** X shortens every link to a fixed-length t.co address, so a link counts as this many characters. */
  linkLength?: number;
}

/**
 * Limits as the platforms document them: X 280 (a link counts as 23), Instagram captions 2,200,
 * LinkedIn posts 3,000, SMS one 160-character segment. Facebook (63,206), email and press
 * statements have no limit a crisis text would ever reach, so none is enforced.
 */
export const CHANNEL_RULES: Record<Channel, ChannelRule> = {
  x: { limit: 280, linkLength: 23 },
  instagram: { limit: 2200 },
  facebook: { limit: 63206 },
  linkedin: { limit: 3000 },
  sms: { limit: 160 },
  email: { limit: null },
  press: { limit: null },
};

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/giu;

/**
 * Length of a text as its channel counts it: user-perceived characters (an emoji or an accented
 * letter built from two code points is one), and on X every link as `linkLength`.
 */
export function channelLength(text: string, channel: Channel): number {
  const rule = CHANNEL_RULES[channel];
  let counted = text;
  let links = 0;
  if (rule.linkLength !== undefined) {
    counted = text.replace(URL_PATTERN, () => {
      links += 1;
      return '';
    });
  }
  return graphemeCount(counted) + links * (rule.linkLength ?? 0);
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter() : null;

/** Code points that can join with a neighbour into one visible character. */
const JOINING = /[\p{M}\u200D\uFE00-\uFE0F\r\u{10000}-\u{10FFFF}]/u;

function graphemeCount(text: string): number {
  // Segmenting is slow on long texts; plain text (the usual case) has one character per code unit.
  if (!JOINING.test(text)) return text.length;
  if (!segmenter) return [...text].length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n += 1;
  return n;
}

export interface LengthCheck {
  length: number;
  limit: number | null;
  over: boolean;
}

export function checkLength(text: string, channel: Channel): LengthCheck {
  const length = channelLength(text, channel);
  const limit = CHANNEL_RULES[channel].limit;
  return { length, limit, over: limit !== null && length > limit };
}
