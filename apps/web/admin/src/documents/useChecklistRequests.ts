import { useNotify, useTranslate } from 'react-admin';
import { apiClient, send } from '../dataProvider';
import type { DocumentRecord } from './api';
import type { ChecklistItem } from './types';

/** The API's field errors of a refused request, by field, as the reason dialog shows them. */
export type FieldErrors = Record<string, string>;
const errorsOf = (error: unknown): FieldErrors =>
  (error as { body?: { errors?: FieldErrors } }).body?.errors ?? {};

/**
 * The checklist's requests: review, waive, unwaive, delete. Each says how it went and, when done, calls
 * `reload`; a refused one answers its field errors (null when done).
 */
export function useChecklistRequests(fileId: string, reload: () => void) {
  const translate = useTranslate();
  const notify = useNotify();

  async function run(action: () => Promise<unknown>, success: string): Promise<FieldErrors | null> {
    try {
      await action();
      notify(success, { type: 'success' });
      reload();
      return null;
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      return errorsOf(e);
    }
  }

  const review = (document: DocumentRecord, status: 'accepted' | 'rejected', reason?: string) =>
    run(
      () =>
        send(
          apiClient.PATCH('/api/documents/{id}', {
            params: { path: { id: document.id } },
            body: reason === undefined ? { status } : { status, reason },
          }),
        ),
      status === 'accepted' ? 'pd.documents.accepted' : 'pd.documents.rejected',
    );
  const waiver = (item: ChecklistItem) => ({ params: { path: { id: fileId, key: item.key } } });
  const waive = (item: ChecklistItem, reason: string) =>
    run(
      () =>
        send(apiClient.POST('/api/files/{id}/checklist/{key}/waive', { ...waiver(item), body: { reason } })),
      'pd.documents.waived',
    );
  const unwaive = (item: ChecklistItem) =>
    run(
      () => send(apiClient.DELETE('/api/files/{id}/checklist/{key}/waive', waiver(item))),
      'pd.documents.unwaived',
    );
  const remove = (document: DocumentRecord) => {
    if (!window.confirm(translate('pd.documents.confirm_delete', { name: document.originalName }))) {
      return;
    }
    void run(
      () => send(apiClient.DELETE('/api/documents/{id}', { params: { path: { id: document.id } } })),
      'pd.documents.deleted',
    );
  };
  return { review, waive, unwaive, remove };
}
