import type { AuthProvider } from 'react-admin';
import { createApiClient, unwrap } from '@app/api-client';
import { ApiError, apiClient, session } from './session';

/** Why a sign-in failed, as the login page explains it (pd.login.error.<reason>). */
export type LoginFailure = 'wrong_credentials' | 'too_many_attempts' | 'invalid' | 'unreachable';

export class LoginError extends Error {
  constructor(
    readonly reason: LoginFailure,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`pd.login.error.${reason}`);
  }
}

/** The API answers in English; the page translates by status and code. */
export function loginFailure(error: unknown): LoginError {
  if (!(error instanceof ApiError)) {
    return new LoginError('unreachable');
  }
  if (error.status === 401) {
    return new LoginError('wrong_credentials');
  }
  if (error.status === 429 || error.body?.code === 'TOO_MANY_REQUESTS') {
    return new LoginError('too_many_attempts', error.retryAfterSeconds);
  }
  if (error.status === 400) {
    return new LoginError('invalid');
  }
  return new LoginError('unreachable', error.retryAfterSeconds);
}

/** Sign-in sends no token, not even a stale one left in this browser. */
const signIn = createApiClient({ baseUrl: '' });

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const result = await unwrap(signIn.POST('/api/auth/login', { body: { email: username, password } }));
      session.save(result.accessToken, result.user);
    } catch (error) {
      throw loginFailure(error);
    }
  },
  async logout() {
    // Ends the session on the server too, so the token stops working everywhere it may have been copied.
    if (session.token) {
      await unwrap(apiClient.POST('/api/auth/logout')).catch(() => undefined); // already ended or offline: sign out here anyway
    }
    session.clear();
  },
  checkAuth() {
    return session.token ? Promise.resolve() : Promise.reject(new Error('ra.auth.auth_check_error'));
  },
  checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.clear();
      return Promise.reject(new Error('ra.notification.logged_out'));
    }
    return Promise.resolve();
  },
  async getIdentity() {
    let user = session.user;
    if (!user && session.token) {
      user = await unwrap(apiClient.GET('/api/auth/me'));
      session.saveUser(user);
    }
    if (!user) {
      throw new Error('ra.auth.auth_check_error');
    }
    return { id: user.id, fullName: user.name, role: user.role, timezone: user.timezone };
  },
  getPermissions() {
    return Promise.resolve(session.user?.role ?? null);
  },
};
