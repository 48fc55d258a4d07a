import type { AuthProvider } from 'react-admin';
import { ApiError, api, session, type StaffUser } from './session';
import { requestJson } from '../../shared/http';

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const result = await requestJson<{ accessToken: string; user: StaffUser }>('/api/auth/login', {
        method: 'POST',
        body: { email: username, password },
      });
      session.save(result.accessToken, result.user);
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) {
        throw new Error('pd.auth.too_many_attempts');
      }
      throw new Error('ra.auth.sign_in_error');
    }
  },
  async logout() {
    // Ends the session on the server too, so the token stops working everywhere it may have been copied.
    if (session.token) {
      await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined); // already ended or offline: sign out here anyway
    }
    session.clear();
  },
  async checkAuth() {
    if (!session.token) {
      throw new Error('ra.auth.auth_check_error');
    }
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      session.clear();
      throw new Error('ra.notification.logged_out');
    }
  },
  async getIdentity() {
    let user = session.user;
    if (!user && session.token) {
      user = await api<StaffUser>('/api/auth/me');
      session.saveUser(user);
    }
    if (!user) {
      throw new Error('ra.auth.auth_check_error');
    }
    return { id: user.id, fullName: user.name, role: user.role, timezone: user.timezone };
  },
  async getPermissions() {
    return session.user?.role ?? null;
  },
};
