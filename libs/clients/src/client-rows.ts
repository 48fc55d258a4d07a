import type { ClientEntity, PreferredLanguage, StatusInCanada } from './entities/client.entity';

/**
 * A client as lists show it: every column but the encrypted passport number (lists mask it from the hint) and
 * the search keys.
 */
export type ClientListItem = Omit<
  ClientEntity,
  'passportNumberEncrypted' | 'consultant' | 'lastFirstKey' | 'firstLastKey'
>;

/** The columns of ClientListItem, for the hand-written list queries; calendar days as YYYY-MM-DD text. */
export const CLIENT_LIST_COLUMNS = `c.id, c.first_name, c.last_name, c.email, c.phone,
  to_char(c.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, c.citizenship, c.country_of_residence, c.status_in_canada,
  to_char(c.status_expires_on, 'YYYY-MM-DD') AS status_expires_on,
  to_char(c.status_applied_on, 'YYYY-MM-DD') AS status_applied_on,
  to_char(c.status_lost_on, 'YYYY-MM-DD') AS status_lost_on, c.passport_number_hint,
  to_char(c.passport_expires_on, 'YYYY-MM-DD') AS passport_expires_on, c.uci, c.preferred_language, c.consultant_id,
  c.is_prospect, c.archived_at, c.created_at, c.updated_at`;
export const CLIENT_LIST_FROM = `SELECT ${CLIENT_LIST_COLUMNS}\nFROM clients c`;

/** A row of CLIENT_LIST_FROM, as pg returns it. */
export interface ClientListRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  date_of_birth: string | null;
  citizenship: string | null;
  country_of_residence: string | null;
  status_in_canada: StatusInCanada;
  status_expires_on: string | null;
  status_applied_on: string | null;
  status_lost_on: string | null;
  passport_number_hint: string | null;
  passport_expires_on: string | null;
  uci: string | null;
  preferred_language: PreferredLanguage;
  consultant_id: string | null;
  is_prospect: boolean;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function clientListItemFromRow(row: ClientListRow): ClientListItem {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    dateOfBirth: row.date_of_birth,
    citizenship: row.citizenship,
    countryOfResidence: row.country_of_residence,
    statusInCanada: row.status_in_canada,
    statusExpiresOn: row.status_expires_on,
    statusAppliedOn: row.status_applied_on,
    statusLostOn: row.status_lost_on,
    passportNumberHint: row.passport_number_hint,
    passportExpiresOn: row.passport_expires_on,
    uci: row.uci,
    preferredLanguage: row.preferred_language,
    consultantId: row.consultant_id,
    isProspect: row.is_prospect,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A whole client (its encrypted passport number too) as one statement reads it, alias c. */
export const CLIENT_COLUMNS = `${CLIENT_LIST_COLUMNS}, c.passport_number_encrypted`;

/** A row of CLIENT_COLUMNS. */
export interface ClientRow extends ClientListRow {
  passport_number_encrypted: string | null;
}

/** The client of a row of CLIENT_COLUMNS (its consultant not loaded). */
export function clientFromRow(row: ClientRow): ClientEntity {
  return {
    ...clientListItemFromRow(row),
    passportNumberEncrypted: row.passport_number_encrypted,
  } as ClientEntity;
}

/**
 * The active client with the email $1 (citext: any letter case; the partial unique index uq_clients__email_active
 * serves it), as every public booking looks it up.
 */
export const ACTIVE_CLIENT_BY_EMAIL = `SELECT ${CLIENT_COLUMNS}
  FROM clients c
 WHERE c.email = $1 AND c.archived_at IS NULL`;

/**
 * A new prospect, unless an active client already has its email (ON CONFLICT DO NOTHING on the partial unique
 * index: a concurrent insert with the same email waits for ours, then inserts nothing); the new row, if any.
 */
export const INSERT_PROSPECT_UNLESS_EMAIL_TAKEN = `INSERT INTO clients AS c
       (first_name, last_name, email, phone, status_in_canada, preferred_language, consultant_id, is_prospect)
VALUES ($1, $2, $3, $4, $5, $6, NULL, true)
ON CONFLICT DO NOTHING
RETURNING ${CLIENT_COLUMNS}`;
