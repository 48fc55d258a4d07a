import { unwrap } from '@app/api-client';
import { HttpError } from 'react-admin';
import { ApiError, api } from '../session';

/** The API's field errors, as react-admin shows them beside each input (and the message as a notification). */
export function toHttpError(error: unknown): unknown {
  if (!(error instanceof ApiError)) {
    return error;
  }
  const body = error.body;
  const errors: Record<string, unknown> = {};
  if (body?.fields) {
    for (const [path, messages] of Object.entries(body.fields)) {
      errors[path] = Array.isArray(messages) ? messages.join('; ') : String(messages);
    }
    errors.root = { serverError: body.message };
  }
  return new HttpError(body?.message ?? error.message, error.status, {
    ...body,
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  });
}

/** A call of the typed client (`send(apiClient.POST('/api/files/{id}/transitions', ...))`), with react-admin's error shape. */
export async function send<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    return await unwrap(call);
  } catch (error) {
    throw toHttpError(error);
  }
}

/** A call outside the typed client (resources, timelines, reports), with react-admin's error shape. */
export async function apiCall<T>(
  path: string,
  options: { method?: string; body?: unknown } = {},
): Promise<T> {
  try {
    return await api<T>(path, options);
  } catch (error) {
    throw toHttpError(error);
  }
}
