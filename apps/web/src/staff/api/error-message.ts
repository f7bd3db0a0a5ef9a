// The server already translated its messages (Accept-Language); only failures without a server
// message need our own words.
import type { TFunction } from 'i18next';
import { ApiError, clientErrorCodes } from './client';

export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.code === clientErrorCodes.network) return t('errors.network');
  }
  return t('errors.unexpected');
}
