import { useMemo, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import type { Lang } from '@shared/domain';
import { en, type MessageId } from './messages/en';
import { es } from './messages/es';

export const MESSAGES: Record<Lang, Record<MessageId, string>> = { en, es };

export function I18nProvider({ locale, children }: { locale: Lang; children: ReactNode }) {
  return (
    <IntlProvider locale={locale} messages={MESSAGES[locale]} defaultLocale="en" onError={reportMissing}>
      {children}
    </IntlProvider>
  );
}

function reportMissing(error: { code: string; message: string }) {
  // Missing translations are caught at compile time; anything else is a real formatting bug.
  if (error.code !== 'MISSING_TRANSLATION') console.error(error.message);
}

export type Translate = (id: MessageId, values?: Record<string, string | number | Date>) => string;

/** `t('desk.copy')`, typed against the message catalogue so a missing key does not compile. */
export function useT(): Translate {
  const intl = useIntl();
  return useMemo(() => (id, values) => intl.formatMessage({ id }, values), [intl]);
}
