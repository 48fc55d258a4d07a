import { createApiClient, type Schemas } from '@app/api-client';
import { ApiError, requestJson } from '../../shared/http';

export type StaffRole = Schemas['StaffRole'];
export type StaffUser = Schemas['UserResponse'];

const TOKEN_KEY = 'permitdesk.token';
const USER_KEY = 'permitdesk.user';

/** The signed-in staff member's access token and profile, kept in this browser until sign-out or expiry. */
export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  get user(): StaffUser | null {
    const raw = localStorage.getItem(USER_KEY);
    return raw ? (JSON.parse(raw) as StaffUser) : null;
  },
  save(token: string, user: StaffUser): void {
    localStorage.setItem(TOKEN_KEY, token);
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  saveUser(user: StaffUser): void {
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(USER_KEY);
  },
};

/** The typed API client, sending the signed-in staff member's token. */
export const apiClient = createApiClient({ baseUrl: '', getToken: () => session.token });

/** A call to the API as the signed-in staff member. */
export function api<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  return requestJson<T>(path, { ...options, token: session.token });
}

export { ApiError };

/** The staff member's zone, used for every time shown in the staff UI. */
export function staffTimeZone(): string {
  return session.user?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}
