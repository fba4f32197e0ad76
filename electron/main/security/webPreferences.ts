import type { WebPreferences } from 'electron';

/**
 * The web preferences of every window Calma opens. One function, so that no window can be created
 * with a weaker set by forgetting an option.
 *
 * The renderer is treated as a web page: no Node, its own JavaScript world (contextIsolation), the
 * Chromium sandbox, and only the bridge the preload exposes.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file on the window must not navigate away from the app to file://.
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google's servers on Windows and Linux;
    // an offline-first console must not reach out on its own.
    spellcheck: false,
    // A page stuck in an alert() loop can be stopped by the user.
    safeDialogs: true,
  };
}
