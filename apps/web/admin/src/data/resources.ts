import type { paths } from '@app/api-client';
import type { RaRecord } from 'react-admin';
import { isObject, type Shape } from './request-bodies';

export interface ResourceConfig {
  /** A list path of the API's document; one record is at `{path}/{id}`. */
  path: keyof paths;
  /** Fields a create may send (nested objects by their own shape). */
  create?: Shape;
  /** Fields an update may send; only the changed ones are sent. */
  update?: Shape;
  /** Where a create goes when it is not POST {path} (deadlines belong to a file). */
  createPath?: (data: Record<string, unknown>) => string;
  updateMethod?: 'PATCH' | 'PUT';
  /** The record in a create's answer, when the answer wraps it. */
  unwrap?: (created: Record<string, unknown>) => RaRecord;
}

const fields = (...names: string[]): Shape => Object.fromEntries(names.map((name) => [name, true]));

const clientFields = fields(
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'citizenship',
  'countryOfResidence',
  'statusInCanada',
  'statusExpiresOn',
  'statusAppliedOn',
  'statusLostOn',
  'passportNumber',
  'passportExpiresOn',
  'uci',
  'preferredLanguage',
  'consultantId',
);

const fileFields: Shape = {
  ...fields(
    'consultantId',
    'applicationType',
    'jobTitle',
    'nocCode',
    'province',
    'workLocation',
    'submittedOn',
    'biometricsDueOn',
    'medicalDueOn',
    'pflResponseDueOn',
    'decisionOn',
    'permitExpiresOn',
    'biometricsLetterOn',
    'medicalLetterOn',
    'pflLetterOn',
    'irccApplicationNumber',
  ),
  employer: fields('name', 'businessNumber'),
  wage: fields('amount', 'period'),
  tfwp: fields('lmiaStream', 'lmiaStatus', 'lmiaNumber', 'lmiaIssuedOn', 'lmiaExpiresOn'),
  imp: fields('exemptionCode', 'offerOfEmploymentNumber', 'complianceFeePaid', 'permitType'),
};

const userFields = fields(
  'email',
  'name',
  'role',
  'password',
  'timezone',
  'isBookable',
  'languages',
  'rcicLicenceNumber',
);

const typeFields = fields(
  'name',
  'nameFr',
  'durationMinutes',
  'priceCents',
  'active',
  'mode',
  'description',
  'descriptionFr',
  'videoLink',
  'phoneNumber',
  'officeAddress',
);

/** Our resources and the API paths behind them (see /api/docs). */
export const RESOURCES: Record<string, ResourceConfig> = {
  clients: { path: '/api/clients', create: clientFields, update: clientFields },
  files: {
    path: '/api/files',
    create: { ...fileFields, ...fields('clientId', 'stream', 'invitePortal') },
    update: fileFields,
    // A consultation converted into a file: POST /api/consultations/:id/convert answers {consultation, file}.
    createPath: (data) =>
      data.convertFrom ? `/api/consultations/${data.convertFrom as string}/convert` : '/api/files',
    // The conversion's portal invite (sent, or why not) rides along for the success message.
    unwrap: (created) =>
      'file' in created && isObject(created.file)
        ? { ...(created.file as RaRecord), portalInvite: created.portalInvite ?? null }
        : (created as RaRecord),
  },
  deadlines: {
    path: '/api/deadlines',
    create: fields('kind', 'title', 'dueOn', 'assigneeId', 'notes'),
    createPath: (data) => `/api/files/${String(data.fileId)}/deadlines`,
    update: fields('dueOn', 'title', 'notes', 'assigneeId', 'completed'),
  },
  users: { path: '/api/users', create: userFields, update: { ...userFields, ...fields('isActive') } },
  consultations: {
    path: '/api/consultations',
    create: fields(
      'type',
      'consultantId',
      'clientId',
      'startsAt',
      'mode',
      'topic',
      'notes',
      'timezone',
      'language',
    ),
    update: fields('status', 'notes', 'startsAt', 'mode'),
  },
  'consultation-types': { path: '/api/consultation-types', create: typeFields, update: typeFields },
  reminders: { path: '/api/reminders' },
  emails: { path: '/api/emails' },
};

export function configOf(resource: string): ResourceConfig {
  const config = RESOURCES[resource];
  if (!config) {
    throw new Error(`Unknown resource ${resource}`);
  }
  return config;
}
