import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, operations, paths } from './schema';

/** Every request and response body of the API, by its schema name (`Schemas['ClientResponse']`). */
export type Schemas = components['schemas'];

/** The API's one error shape: `{statusCode, code, message, fields, errorId}`. */
export type ApiErrorBody = Schemas['ErrorResponse'];

/** A list page as the API returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** The API's origin (`''` for the same origin in a browser); paths start with `/api`. */
  baseUrl: string;
  /** The bearer token to send, if any, read before each request. */
  getToken?: () => string | null | undefined;
  /** Called on any 401 answer, before the caller sees it. */
  onUnauthorized?: (response: Response) => void;
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * A typed client of the API: `client.GET('/api/files/{id}', { params: { path: { id } } })` answers
 * `{ data, error, response }` with the operation's own types. `unwrap` turns a non-2xx answer into an ApiError.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { Accept: 'application/json' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use({
    onRequest({ request }) {
      const token = options.getToken?.();
      if (token) {
        request.headers.set('Authorization', `Bearer ${token}`);
      }
      return request;
    },
    onResponse({ response }) {
      if (response.status === 401) {
        options.onUnauthorized?.(response);
      }
      return undefined;
    },
  });
  return client;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
    /** The Retry-After header of a 429 or 503, in seconds, when the API sent one. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body?.message ?? `Request failed (${status})`);
  }
}

/** The parsed error body, as the API sent it; null for an empty or non-JSON body (a proxy's HTML page). */
export function errorBodyOf(value: unknown): ApiErrorBody | null {
  return typeof value === 'object' && value !== null ? (value as ApiErrorBody) : null;
}

/** The ApiError of a non-2xx answer. */
export function apiErrorOf(response: Response, error: unknown): ApiError {
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, errorBodyOf(error), retryAfter > 0 ? retryAfter : null);
}

/** The data of a 2xx answer (undefined for an empty body); throws ApiError for any other. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw apiErrorOf(response, error);
  }
  return data as T;
}
