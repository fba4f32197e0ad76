import { createHash, randomBytes } from 'node:crypto';

/** Bearer tokens: 32 random bytes. Only their SHA-256 is stored; a fast hash is right for secrets this long. */
export function newToken(): string {
  return `calma_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

// Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrolment code, 80 random bits as four groups of four: `7K3Q-M9XA-2PDF-WT4C`. */
export function newEnrolmentCode(): string {
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i += 1) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += ALPHABET[bytes[i]! % 32];
  }
  return out;
}

/** What people type may differ in case, dashes and spaces, and confuse O/0 and I/L/1. */
export function normaliseEnrolmentCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export const hashEnrolmentCode = (code: string) => hashSecret(`enrol:${normaliseEnrolmentCode(code)}`);
