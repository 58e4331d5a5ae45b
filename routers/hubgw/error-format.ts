// HubGW's error body, as its document gives it: `{"message": "...", "code": "...", "details": {...}}`.
import { AppError, errorCodes } from '#src/errors.ts';
import type { ErrorFormat } from '#rest/error-format.ts';

export const hubgwErrorFormat: ErrorFormat = {
  schemaName: 'HubgwError',
  schema: {
    type: 'object',
    required: ['message', 'code'],
    properties: {
      message: { type: 'string' },
      code: { type: 'string', enum: Object.keys(errorCodes) },
      details: { type: 'object', additionalProperties: true },
    },
  },
  body(error) {
    return error.details
      ? { message: error.message, code: error.appCode, details: error.details }
      : { message: error.message, code: error.appCode };
  },
  /** HubGW's codes have no full disk: it hears 503 `unavailable`, which its plugin already retries, with the reason. */
  inTerms(error) {
    return error.appCode === 'insufficient_storage'
      ? new AppError('unavailable', error.message, error.details, { cause: error.cause })
      : error;
  },
};
