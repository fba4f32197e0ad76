import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '@shared/ipc/contract';
import { createBridge } from './bridge';

// Runs in the sandboxed preload before the page: the page gets `window.calma` and nothing else.
// Bundled into one CommonJS file (a sandboxed preload cannot load other files).
contextBridge.exposeInMainWorld(
  BRIDGE_KEY,
  createBridge((wireChannel, request) => ipcRenderer.invoke(wireChannel, request)),
);
