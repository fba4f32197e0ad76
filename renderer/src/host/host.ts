import type { DecodedText } from '@shared/text/decodeText';

/**
 * Everything the console needs from the operating system. The renderer never reaches the OS any
 * other way, so the same console runs in Electron (through the preload bridge) and in a plain
 * browser (with the web platform's equivalents).
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Host {
  readonly kind: 'electron' | 'browser';
  copyText(text: string): Promise<void>;
  notify(title: string, body: string): Promise<boolean>;
  openExternal(url: string): Promise<boolean>;
  /** Asks the user for a text file; null when they cancel. Read with decodeText, which says how. */
  openTextFile(title: string, filters: FileFilter[]): Promise<({ name: string } & DecodedText) | null>;
  /** Offers a text file to save; false when they cancel. */
  saveTextFile(title: string, suggestedName: string, text: string, filters: FileFilter[]): Promise<boolean>;
  /** Prints the current view to PDF (Electron) or opens the print dialog (browser). */
  printToPdf(suggestedName: string): Promise<boolean>;
  /** Secrets such as sync tokens; the browser host can only keep them for the session. */
  getSecret(key: string): Promise<string | null>;
  setSecret(key: string, value: string | null): Promise<boolean>;
}
