import type { SignedInClient } from './test-app';

/** Service-agreement terms as staff write them: in English, and in French for a French-speaking client. */
export const AGREEMENT_TERMS = {
  en: {
    servicesDescription: '- Prepare and submit the work permit application',
    professionalFees: 'A flat fee of $2,500 CAD, plus tax.',
    irccFees: 'IRCC work permit fee $155 CAD.',
    paymentSchedule: '50% on signing, 50% before submission.',
  },
  fr: {
    servicesDescription:
      '- Préparer et déposer la demande de permis de travail\n- Répondre aux demandes d’IRCC',
    professionalFees: 'Honoraires forfaitaires de 2 500 $ CA, taxes en sus.',
    irccFees: 'Frais de permis de travail d’IRCC : 155 $ CA.',
    paymentSchedule: '50 % à la signature, 50 % avant le dépôt.',
  },
};

/** What the consultant confirms before a draft (CICC Code s.24(2)): a Toronto client, and a Montréal client. */
export const AGREEMENT_PRECONDITIONS = {
  en: {
    identityMethod: 'video call with passport',
    identityConfirmedAt: '2026-12-01T15:30:00Z',
    homeAddress: '88 Queen St W\nToronto ON M5H 2N2',
    phone: '+1 416 555 0177',
    priorRepresentation: 'none',
  },
  fr: {
    identityMethod: 'appel vidéo avec passeport',
    identityConfirmedAt: '2026-12-01T15:30:00Z',
    homeAddress: '1200 rue Sainte-Catherine O\nMontréal QC H3B 1K9',
    phone: '+1 514 555 0142',
    priorRepresentation: 'none',
  },
};

/** A professional-fee invoice line of $1,500. */
export const PROFESSIONAL_FEE_LINE = {
  kind: 'professional_fee',
  description: 'Work permit application',
  quantity: 1,
  unitCents: 150_000,
};

/**
 * The file's agreement drafted from the preconditions and terms in the given language and, unless told otherwise,
 * sent to the client to sign; its id.
 */
export async function draftAgreement(
  staff: SignedInClient,
  fileId: string,
  options: { language?: 'en' | 'fr'; send?: boolean } = {},
): Promise<string> {
  const language = options.language ?? 'en';
  await staff
    .put(`/api/files/${fileId}/agreement-preconditions`)
    .send(AGREEMENT_PRECONDITIONS[language])
    .expect(200);
  const draft = await staff
    .post(`/api/files/${fileId}/agreement`)
    .send(AGREEMENT_TERMS[language])
    .expect(201);
  if (options.send ?? true) {
    await staff.post(`/api/agreements/${draft.body.id}/send`).expect(200);
  }
  return draft.body.id as string;
}
