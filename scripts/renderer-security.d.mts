// Types for renderer-security.mjs (TypeScript here does not read .mjs files).
export declare const CONTENT_SECURITY_POLICY: string;
export declare const ISOLATION_HEADERS: Readonly<Record<string, string>>;
export declare const DEFAULT_DOCUMENT: string;
export declare function safeRelativePath(rawPath: string): string | null;
export declare const CONTENT_TYPES: Readonly<Record<string, string>>;
export declare const FALLBACK_CONTENT_TYPE: string;
export declare function contentTypeFor(filePath: string): string;
