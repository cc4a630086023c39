import type { SimResponse } from '@orgport/simulator-kit';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** An Auth0 Management API error: `{ statusCode, error, message, errorCode? }`. */
export function auth0Error(status: number, message: string, errorCode?: string): SimResponse {
  return {
    status,
    body: {
      statusCode: status,
      error: REASONS[status] ?? 'Error',
      message,
      ...(errorCode !== undefined ? { errorCode } : {}),
    },
  };
}

/** Auth0's 400 for a body that fails validation. */
export const invalidBody = (detail: string): SimResponse =>
  auth0Error(400, `Payload validation error: ${detail}`, 'invalid_body');

/** Auth0's 400 for a query that fails validation. */
export const invalidQuery = (detail: string): SimResponse =>
  auth0Error(400, `Query validation error: ${detail}`, 'invalid_query_string');

/** 404 for an organization (observed: no errorCode). */
export const organizationNotFound = (): SimResponse =>
  auth0Error(404, 'No organization found by that id or name');

/** 404 for a user. */
export const userNotFound = (): SimResponse => auth0Error(404, 'The user does not exist.', 'inexistent_user');
