import type { NotificationConstructorOptions } from 'electron';
import type { IpcResponse } from '@shared/ipc/contract';

/** The parts of a notification the service uses (Electron's Notification has them). */
export interface ShowableNotification {
  show(): void;
  once(event: 'close' | 'failed', listener: () => void): unknown;
}

/** Electron's Notification class, or a stand-in with the same shape. */
export interface NotificationClass {
  isSupported(): boolean;
  new (options: NotificationConstructorOptions): ShowableNotification;
}

/** Desktop notifications (deadlines, overdue steps). The page's own Notification API is denied. */
export function createNotificationService(Notification: NotificationClass) {
  // A notification that is garbage-collected before the OS is done with it can vanish (Windows) or
  // lose its events, so each one is kept until it closes.
  const live = new Set<ShowableNotification>();

  return {
    show(title: string, body: string): IpcResponse<'notification.show'> {
      if (!Notification.isSupported()) return { shown: false };
      const notification = new Notification({ title, body, silent: false });
      live.add(notification);
      const forget = () => live.delete(notification);
      notification.once('close', forget);
      notification.once('failed', forget);
      notification.show();
      return { shown: true };
    },
  };
}
