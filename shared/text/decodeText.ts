/** The encodings a text file the user opens is read as. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text, without its byte-order mark. */
  text: string;
  encoding: TextEncodingName;
}

/**
 * The text of a file the user chose. A byte-order mark decides (UTF-8, UTF-16 LE or BE). Without
 * one the bytes are read as UTF-8, strictly: a lenient read turns every byte that is not UTF-8 into
 * U+FFFD, and "José" would reach the directory as "Jos�" with nobody told. Bytes that are not
 * UTF-8 are read as Windows-1252, what Excel on Windows writes for Spanish and other Western
 * European languages when asked for "CSV" (ISO-8859-1 files read the same, as browsers do); the
 * caller says so, since that is a guess. Windows-1252 gives a character for every byte, so nothing
 * is lost or replaced.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * With a byte-order mark the file has said what it is: bytes that break that encoding are damage,
 * not a different encoding, and become U+FFFD for the caller to refuse where it matters.
 */
function decodeWith(encoding: Exclude<TextEncodingName, 'windows-1252'>, bytes: Uint8Array): DecodedText {
  return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), encoding };
}

/** What bytes 0x80 to 0x9F are in Windows-1252 (WHATWG Encoding Standard); every other byte is its own code point. */
const C1_BLOCK = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const CHUNK = 8192;

/**
 * Windows-1252 by its table rather than TextDecoder: Node's decoder for it (the one Electron's main
 * process has) reads 0x80–0x9F as Latin-1 or drops them, and with ignoreBOM drops a lone 0xFF
 * (nodejs/node#56542, #60888), so "€" and Excel's curly quotes would vanish.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b < 0xa0 ? C1_BLOCK[b - 0x80]! : b));
    text += String.fromCharCode(...codes);
  }
  return text;
}
