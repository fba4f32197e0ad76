// Types for serve-renderer.mjs (TypeScript here does not read .mjs files).
export declare const DEFAULT_PORT: number;
export declare function portFromEnvironment(value: string | undefined): number;
export declare function resolveStaticPath(root: string, requestTarget: string | undefined): string | null;

export interface RendererServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export declare function startRendererServer(options: {
  root: string;
  port?: number;
  host?: string;
  strictPort?: boolean;
}): Promise<RendererServer>;
