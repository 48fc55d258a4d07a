import { session } from '../session';

export const STATUS_COLOR = {
  draft: 'default',
  issued: 'warning',
  paid: 'success',
  void: 'default',
} as const;

/** Admins, and consultants on their files (the API checks the file), write invoices and client accounts. */
export function mayWriteInvoices(): boolean {
  const role = session.user?.role;
  return role === 'admin' || role === 'consultant';
}
