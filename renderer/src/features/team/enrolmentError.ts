import { ENROLMENT_CODE_ERRORS, RATE_LIMITED_ERROR } from '@shared/sync/protocol';
import type { Translate } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';
import { ServerError, UnreachableError } from '../../sync/transport';

const CODE_ERROR_LABEL: Record<(typeof ENROLMENT_CODE_ERRORS)[number], MessageId> = {
  'enrolment-code-unknown': 'team.error.codeUnknown',
  'enrolment-code-used': 'team.error.codeUsed',
  'enrolment-code-expired': 'team.error.codeExpired',
};

const isCodeError = (code: string): code is (typeof ENROLMENT_CODE_ERRORS)[number] => (ENROLMENT_CODE_ERRORS as readonly string[]).includes(code);

/**
 * Why joining a team failed, in the person's language, with what to do next. Errors the console
 * knows (an address that is not one, no answer, a wrong or spent code, too many tries) get their own
 * sentence; anything else quotes the server.
 */
export function enrolmentErrorText(t: Translate, error: unknown, serverUrl: string): string {
  if (error instanceof TypeError && /address|URL/i.test(error.message)) return t('team.error.address');
  if (error instanceof UnreachableError) return t('team.error.unreachable', { server: serverUrl });
  if (error instanceof ServerError) {
    if (error.body.error === RATE_LIMITED_ERROR) return t('team.error.rateLimited', { minutes: Math.max(1, Math.ceil(error.retryAfterMs / 60_000)) });
    if (isCodeError(error.body.error)) return t(CODE_ERROR_LABEL[error.body.error]);
    return t('team.error.server', { message: error.body.message });
  }
  return t('team.error.server', { message: error instanceof Error ? error.message : String(error) });
}
