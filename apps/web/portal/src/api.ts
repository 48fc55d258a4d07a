import { ApiError, createApiClient, errorBodyOf, unwrap, type Schemas } from '@app/api-client';
import type { Lang } from './i18n';

export type Me = Schemas['PortalMeResponse'];
export type PortalFile = Schemas['PortalFileResponse'];
export type PortalFileDetail = Schemas['PortalFileDetailResponse'];
export type Consultation = Schemas['PortalConsultationResponse'];
export type Checklist = Schemas['PortalChecklistResponse'];
export type ChecklistItem = Schemas['PortalChecklistItemResponse'];
export type PortalDocument = Schemas['PortalDocumentResponse'];
export type UploadResult = Schemas['PortalUploadResponse'];
export type Firm = Schemas['PublicFirmResponse'];
export type PortalIntake = Schemas['PortalIntakeResponse'];
export type PortalMessage = Schemas['PortalMessageResponse'];
export type PortalAgreement = Schemas['PortalAgreementResponse'];
export type PortalInvoice = Schemas['PortalInvoiceResponse'];
export type PortalAccount = Schemas['PortalAccountResponse'];

export { ApiError };

const TOKEN_KEY = 'permitdesk.portal.session';

/** The portal session's token lives in this tab only (sessionStorage): closing the tab forgets it. */
export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  start: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  end: () => sessionStorage.removeItem(TOKEN_KEY),
};

let onSessionEnded: () => void = () => undefined;

/** What to do when the API answers 401 to a signed-in request: the session has ended. */
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

const client = createApiClient({
  baseUrl: '',
  getToken: session.token,
  onUnauthorized: () => {
    if (session.token()) {
      session.end();
      onSessionEnded();
    }
  },
});

const byId = (id: string) => ({ params: { path: { id } } });
const withLang = (lang: Lang) => ({ params: { query: { lang } } });

export const portalApi = {
  firm: () => unwrap(client.GET('/api/public/firm')),
  requestLink: (email: string) => unwrap(client.POST('/api/portal/auth/request-link', { body: { email } })),
  verify: (token: string) => unwrap(client.POST('/api/portal/auth/verify', { body: { token } })),
  signOut: () => unwrap(client.POST('/api/portal/auth/sign-out')),
  me: () => unwrap(client.GET('/api/portal/me')),
  files: (lang: Lang) => unwrap(client.GET('/api/portal/files', withLang(lang))),
  file: (id: string, lang: Lang) =>
    unwrap(client.GET('/api/portal/files/{id}', { params: { path: { id }, query: { lang } } })),
  checklist: (id: string) => unwrap(client.GET('/api/portal/files/{id}/checklist', byId(id))),
  consultations: (lang: Lang) => unwrap(client.GET('/api/portal/consultations', withLang(lang))),
  intake: (id: string) => unwrap(client.GET('/api/portal/files/{id}/intake', byId(id))),
  saveIntake: (id: string, answers: Record<string, unknown>) =>
    unwrap(client.PUT('/api/portal/files/{id}/intake', { ...byId(id), body: { answers } })),
  submitIntake: (id: string) => unwrap(client.POST('/api/portal/files/{id}/intake/submit', byId(id))),
  messages: (id: string, cursor?: string) =>
    unwrap(
      client.GET('/api/portal/files/{id}/messages', {
        params: { path: { id }, query: cursor ? { cursor } : {} },
      }),
    ),
  sendMessage: (id: string, body: string, documentIds: string[]) =>
    unwrap(client.POST('/api/portal/files/{id}/messages', { ...byId(id), body: { body, documentIds } })),
  invoices: () => unwrap(client.GET('/api/portal/invoices')),
  account: () => unwrap(client.GET('/api/portal/account', { params: { query: { limit: 50 } } })),
  agreement: (id: string) => unwrap(client.GET('/api/portal/agreements/{id}', byId(id))),
  // An unticked consent goes to the API as false, so its 400 names the field like any other refusal.
  signAgreement: (id: string, body: { typedName: string; consent: boolean }) =>
    unwrap(
      client.POST('/api/portal/agreements/{id}/sign', {
        ...byId(id),
        body: body as { typedName: string; consent: true },
      }),
    ),
};

/**
 * Sends one document for a checklist item, reporting progress (fetch cannot report an upload's progress, so this
 * uses XMLHttpRequest). Resolves with the API's answer; rejects with an ApiError (a 401 also ends the session).
 */
export function uploadDocument(
  fileId: string,
  kind: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    const request = new XMLHttpRequest();
    request.open('POST', `/api/portal/files/${encodeURIComponent(fileId)}/documents`);
    request.setRequestHeader('Accept', 'application/json');
    const token = session.token();
    if (token) {
      request.setRequestHeader('Authorization', `Bearer ${token}`);
    }
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        body = null; // a proxy's HTML page
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body as UploadResult);
        return;
      }
      if (request.status === 401 && session.token()) {
        session.end();
        onSessionEnded();
      }
      reject(new ApiError(request.status, errorBodyOf(body)));
    };
    request.onerror = () => reject(new ApiError(0, null));
    request.send(form);
  });
}

/** Fetches what a portal path answers with the bearer token (it cannot ride on a plain link) and saves it. */
async function saveDownload(path: string, fileName: string): Promise<void> {
  const response = await fetch(path, {
    headers: { Authorization: `Bearer ${session.token() ?? ''}` },
  });
  if (!response.ok) {
    if (response.status === 401 && session.token()) {
      session.end();
      onSessionEnded();
    }
    throw new ApiError(response.status, errorBodyOf(await response.json().catch(() => null)));
  }
  const url = URL.createObjectURL(await response.blob());
  const link = window.document.createElement('a');
  link.href = url;
  link.download = fileName;
  window.document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Downloads one of the client's documents and saves it under its name as uploaded. */
export function downloadDocument(document: Pick<PortalDocument, 'id' | 'originalName'>): Promise<void> {
  return saveDownload(
    `/api/portal/documents/${encodeURIComponent(document.id)}/content`,
    document.originalName,
  );
}

/** Downloads one of the client's invoices as a PDF, in the portal's language. */
export function downloadInvoicePdf(invoice: Pick<PortalInvoice, 'id' | 'number'>, lang: Lang): Promise<void> {
  return saveDownload(
    `/api/portal/invoices/${encodeURIComponent(invoice.id)}/pdf?lang=${lang}`,
    `${invoice.number}.pdf`,
  );
}
