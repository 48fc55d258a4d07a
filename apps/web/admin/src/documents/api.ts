import type { Schemas } from '@app/api-client';
import { ApiError, session } from '../session';
import { toHttpError } from '../dataProvider';

export type DocumentRecord = Schemas['DocumentResponse'];
export type UploadAnswer = Schemas['DocumentUploadResponse'];

/** What an upload carries besides its file (the multipart fields of POST /api/files/:id/documents). */
export interface UploadFields {
  kind: string;
  title?: string;
  issuedOn?: string;
  expiresOn?: string;
}

/** How far an upload has gone: bytes sent of the total. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Uploads a document with XMLHttpRequest, whose upload.onprogress reports the bytes sent (fetch cannot), so the
 * page can show a progress bar. The fields go before the file part: the API reads the parts as they arrive.
 * A non-2xx answer rejects with react-admin's error shape (fields keyed by name), like every other call.
 */
export function uploadDocument(
  fileId: string,
  file: File,
  fields: UploadFields,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<UploadAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.trim() !== '') {
      form.append(name, value.trim());
    }
  }
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/files/${encodeURIComponent(fileId)}/documents`);
    xhr.responseType = 'json';
    xhr.setRequestHeader('Accept', 'application/json');
    const token = session.token;
    if (token) {
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    }
    xhr.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () => {
      const body = xhr.response as unknown;
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress({ loaded: file.size, total: file.size });
        resolve(body as UploadAnswer);
      } else {
        const error = new ApiError(xhr.status, typeof body === 'object' ? (body as ApiError['body']) : null);
        const shown = toHttpError(error);
        reject(shown instanceof Error ? shown : error);
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

/** A document's content as a Blob (GET /api/documents/:id/content, as the signed-in staff member). */
export async function fetchContent(documentId: string, signal?: AbortSignal): Promise<Blob> {
  const headers: Record<string, string> = {};
  const token = session.token;
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/content`, {
    headers,
    signal,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiError['body'];
    throw toHttpError(new ApiError(response.status, body));
  }
  return response.blob();
}

/** Saves a document under its own name: the content is fetched with the session, then handed to the browser. */
export async function downloadDocument(document: Pick<DocumentRecord, 'id' | 'originalName'>): Promise<void> {
  const blob = await fetchContent(document.id);
  const url = URL.createObjectURL(blob);
  const link = window.document.createElement('a');
  link.href = url;
  link.download = document.originalName;
  window.document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
