import type { ConsultationMode } from './entities/consultation-mode';
import type { ConsultationTypeEntity } from './entities/consultation-type.entity';

/**
 * An active consultation type by id, as slots and every booking read it: written by hand, a named statement, and
 * the same text in the bare benchmark server.
 */
export const ACTIVE_CONSULTATION_TYPE = `SELECT id, name, name_fr, duration_minutes, description, description_fr, mode,
       price_cents, is_active, video_link, phone_number, office_address, created_at, updated_at
  FROM consultation_types
 WHERE id = $1 AND is_active`;

/** A row of ACTIVE_CONSULTATION_TYPE, as pg returns it. */
export interface ConsultationTypeRow {
  id: string;
  name: string;
  name_fr: string;
  duration_minutes: number;
  description: string | null;
  description_fr: string | null;
  mode: ConsultationMode;
  price_cents: number | null;
  is_active: boolean;
  video_link: string | null;
  phone_number: string | null;
  office_address: string | null;
  created_at: Date;
  updated_at: Date;
}

export function consultationTypeFromRow(row: ConsultationTypeRow): ConsultationTypeEntity {
  return {
    id: row.id,
    name: row.name,
    nameFr: row.name_fr,
    durationMinutes: row.duration_minutes,
    description: row.description,
    descriptionFr: row.description_fr,
    mode: row.mode,
    priceCents: row.price_cents,
    isActive: row.is_active,
    videoLink: row.video_link,
    phoneNumber: row.phone_number,
    officeAddress: row.office_address,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
