/**
 * One file on purpose: it is the whole bare baseline, every hot route side by side, read as one program.
 * The baseline of bench/api: node:http and a pg Pool, no framework, no sign-in check, no validation beyond
 * parsing. Each route runs the SQL the API runs for it (same text, same parameters, same order, same
 * parallelism, named statements where the API names them) and answers the same JSON, so API / bare is what the
 * API's stack costs on top of PostgreSQL. The hand-written read queries and their row mappers are imported from
 * the libraries' row files, so the two cannot drift; the TypeORM-generated ones are copied from the API's query
 * log.
 *
 * Run as its own process: `node dist/bench/api/bare-server.js` with PORT and DATABASE_URL (FIRM_TIMEZONE
 * optional, the API's default otherwise).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { DateTime } from 'luxon';
import { Pool, types, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { Schemas } from '@app/api-client';
// Pure library files, by path: the libraries' index files (and their entities) load NestJS and TypeORM.
import {
  CLIENT_LIST_FROM,
  clientListItemFromRow,
  type ClientListItem,
  type ClientListRow,
} from '../../libs/clients/src/client-rows';
import { searchClientsByName } from '../../libs/clients/src/client-name-search';
import { maskPassportNumber } from '../../libs/clients/src/rules/passport-number';
import { splitFullName } from '../../libs/clients/src/rules/person-name';
import { searchDigits } from '../../libs/clients/src/rules/phone';
import { AGREEMENT_STATES_OF_FILES, type AgreementStateRow } from '../../libs/agreements/src/agreement-rows';
import { UNREAD_MESSAGES_OF_FILES, type UnreadMessagesRow } from '../../libs/messages/src/message-rows';
import { assignFairly } from '../../libs/consultations/src/rules/fair-assignment';
import { toLocalIso, parseBound } from '../../libs/consultations/src/rules/local-time';
import { hashManageToken, manageUrl, newManageToken } from '../../libs/consultations/src/rules/manage-token';
import {
  ACTIVE_CONSULTATION_TYPE,
  type ConsultationTypeRow,
} from '../../libs/consultations/src/consultation-type-rows';
import { computeSlots } from '../../libs/consultations/src/rules/slots';
import {
  BOOKABLE_AVAILABILITY,
  BOOKED_IN_WINDOW,
  schedulesFromRows,
  TIME_OFF_IN_WINDOW,
  type AvailabilityRow,
  type BookedRow,
  type ConsultantSchedule,
  type TimeOffRow,
} from '../../libs/consultations/src/schedule-rows';
import { preparedQuery } from '../../libs/database/src/prepared-statements';
import {
  CHECKLIST_STATUSES_OF_FILES,
  checklistSummariesOf,
  FIRM_CHECKLIST_ITEMS,
  firmChecklistItemFromRow,
  type ChecklistStatusRow,
  type FirmChecklistItemRow,
} from '../../libs/documents/src/checklist-rows';
import type { ChecklistSummary } from '../../libs/documents/src/checklists/rules/checklist-status';
import { loadReferenceData } from '../../libs/reference-data/src/reference-data.loader';
import { likePattern, likePrefix } from '../../libs/shared/src/like-pattern';
import { DEFAULT_PAGE_SIZE, encodeCursor, toPage } from '../../libs/shared/src/pagination';
import { SqlConditions } from '../../libs/shared/src/sql-conditions';
import type { DeadlineOfFile } from '../../libs/work-permits/src/deadlines/deadline.entity';
import {
  DEADLINES_OF_FILE,
  deadlineOfFileFromRow,
  type DeadlineOfFileRow,
} from '../../libs/work-permits/src/deadlines/deadline-rows';
import { todayIn } from '../../libs/work-permits/src/deadlines/rules/today';
import type {
  WorkPermitFileEntity,
  WorkPermitStream,
} from '../../libs/work-permits/src/entities/work-permit-file.entity';
import type { FileAgreementState } from '../../libs/work-permits/src/work-permit-file.types';
import {
  FILE_WITH_PEOPLE_FROM,
  fileFromRow,
  type FileWithPeopleRow,
} from '../../libs/work-permits/src/file-rows';

/** A response as the server builds it before JSON.stringify: instants may still be Dates. */
type Json<T> = {
  [K in keyof T]: T[K] extends string ? T[K] | Date : T[K] extends string | null ? T[K] | Date : T[K];
};

/** Rows as pg returns them, columns named by the SQL aliases (only the columns read here). */
interface ClientRow {
  ClientEntity_id: string;
  ClientEntity_preferred_language: string;
}
interface InsertedRow {
  id: string;
  created_at: Date;
  updated_at: Date;
}
type Booked = Schemas['BookingCreatedResponse'];
interface ConsultationWithDetailsRow {
  c_id: string;
  c_status: Booked['status'];
  c_starts_at: Date;
  c_ends_at: Date;
  c_client_timezone: string;
  c_mode: Booked['mode'];
  u_id: string;
  u_name: string;
  ty_id: string;
  ty_name: string;
  ty_name_fr: string;
  ty_duration_minutes: number;
  ty_price_cents: number | null;
  ty_description: string | null;
  ty_description_fr: string | null;
  ty_mode: Booked['type']['mode'];
}

const PORT = Number(process.env.PORT ?? 3999);
const FIRM_ZONE = process.env.FIRM_TIMEZONE ?? 'America/Toronto';
const APP_URL = process.env.APP_URL ?? 'http://localhost:3000';
const DAY = 86_400_000;

// `date` columns stay YYYY-MM-DD strings, as TypeORM returns them (the hand-written reads select them as text).
types.setTypeParser(1082, (value: string) => value);

/** The API's pool size (libs/database/src/database-options.ts: extra.max). */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/**
 * What preparedQuery takes of a TypeORM DataSource: the Postgres driver's pg pool (`driver.master`). Going through
 * the API's helper gives the key lookups the same statement names (derived from the text) as the API's.
 */
const namedReads = { driver: { master: pool } } as unknown as DataSource;

const reference = loadReferenceData();
const exemptionCodes = new Map(reference.exemptionCodes.map((c) => [c.code, c]));
const lmiaStreams = new Map(reference.lmiaStreams.map((s) => [s.id as string, s]));
const nocGroups = new Map(reference.nocUnitGroups.map((g) => [g.code, g]));

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** An unnamed statement (a one-off parse), as TypeORM's query runner and `dataSource.query` run them. */
async function rows<R>(sql: string, params: unknown[] = [], client: Pool | PoolClient = pool): Promise<R[]> {
  return (await client.query(sql, params)).rows as R[];
}

function limitOf(query: URLSearchParams): number {
  const limit = Number(query.get('limit') ?? DEFAULT_PAGE_SIZE);
  return Number.isInteger(limit) && limit > 0 ? limit : DEFAULT_PAGE_SIZE;
}

// ---------------------------------------------------------------------------------------------------------------
// Files: GET /api/files (list) and GET /api/files/:id (one file with its deadlines)

/** WorkPermitFilesRepository's FILE_BY_ID (that module loads NestJS): findVisible for the admin scope. */
const FILE_BY_ID = `${FILE_WITH_PEOPLE_FROM}\nWHERE f.id = $1`;

/**
 * allowedTransitions of libs/work-permits/src/rules/file-status.ts, copied: that file takes FileStatus from the
 * entity module, whose imports load TypeORM and NestJS.
 */
const NEXT_STATUSES: Record<string, readonly Schemas['FileStatus'][]> = {
  intake: ['preparing', 'withdrawn'],
  preparing: ['submitted', 'withdrawn'],
  submitted: ['biometrics_requested', 'additional_info_requested', 'approved', 'refused', 'withdrawn'],
  biometrics_requested: ['submitted', 'additional_info_requested', 'approved', 'refused', 'withdrawn'],
  additional_info_requested: ['submitted', 'biometrics_requested', 'approved', 'refused', 'withdrawn'],
  approved: ['closed'],
  refused: ['closed'],
  withdrawn: ['closed'],
  closed: [],
};

const TFWP = 'TFWP' as WorkPermitStream;
const IMP = 'IMP' as WorkPermitStream;

/** WorkPermitFileSummaryResponse.from (apps/api/src/files/dto/file.response.ts: summaryOf), fields in its order. */
function fileSummary(
  file: WorkPermitFileEntity,
  checklist: ChecklistSummary,
  agreement: FileAgreementState,
  unreadMessages: number,
): Json<Schemas['WorkPermitFileSummaryResponse']> {
  // ReferenceDataService.exemptionCode, nocUnitGroup and lmiaStream.
  const code = file.exemptionCode ? exemptionCodes.get(file.exemptionCode.trim().toUpperCase()) : undefined;
  return {
    id: file.id,
    fileNumber: file.fileNumber,
    status: file.status,
    allowedTransitions: [...NEXT_STATUSES[file.status]],
    stream: file.stream,
    applicationType: file.applicationType,
    client: { id: file.client.id, firstName: file.client.firstName, lastName: file.client.lastName },
    consultant: file.consultant ? { id: file.consultant.id, name: file.consultant.name } : null,
    employer:
      file.employerName === null && file.employerBusinessNumber === null
        ? null
        : { name: file.employerName, businessNumber: file.employerBusinessNumber },
    jobTitle: file.jobTitle,
    nocCode: file.nocCode,
    nocTitle: file.nocCode ? (nocGroups.get(file.nocCode.trim())?.title ?? null) : null,
    nocTitleFr: file.nocCode ? (nocGroups.get(file.nocCode.trim())?.titleFr ?? null) : null,
    province: file.province,
    workLocation: file.workLocation ?? null,
    wage:
      file.wage === null || file.wagePeriod === null
        ? null
        : { amount: Number(file.wage), period: file.wagePeriod },
    submittedOn: file.submittedOn,
    biometricsDueOn: file.biometricsDueOn,
    medicalDueOn: file.medicalDueOn,
    pflResponseDueOn: file.pflResponseDueOn,
    decisionOn: file.decisionOn,
    biometricsLetterOn: file.biometricsLetterOn,
    medicalLetterOn: file.medicalLetterOn,
    pflLetterOn: file.pflLetterOn,
    permitExpiresOn: file.permitExpiresOn,
    irccApplicationNumber: file.irccApplicationNumber,
    tfwp:
      file.stream === TFWP
        ? {
            lmiaStream: file.lmiaStream,
            lmiaStreamName: file.lmiaStream ? (lmiaStreams.get(file.lmiaStream)?.name ?? null) : null,
            lmiaStatus: file.lmiaStatus,
            lmiaNumber: file.lmiaNumber,
            lmiaIssuedOn: file.lmiaIssuedOn,
            lmiaExpiresOn: file.lmiaExpiresOn,
          }
        : null,
    imp:
      file.stream === IMP && file.exemptionCode
        ? {
            exemptionCode: file.exemptionCode,
            codeTitle: code?.title ?? null,
            codeStatus: code?.status ?? null,
            isCodeCurrent: code?.isCurrent ?? false,
            permitType: file.impPermitType,
            offerOfEmploymentNumber: file.offerOfEmploymentNumber,
            complianceFeePaid: file.complianceFeePaid,
          }
        : null,
    // The API derives warnings from dated rules and the refused-area lists it reads on each request; the baseline
    // does neither (a known difference: its files answer no warnings).
    warnings: [],
    consultationId: file.consultationId ?? null,
    checklist: {
      requiredTotal: checklist.requiredTotal,
      requiredComplete: checklist.requiredComplete,
      awaitingReview: checklist.awaitingReview,
      rejected: checklist.rejected,
    },
    agreement,
    unreadMessages,
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
  };
}

/**
 * FileChecklistsService.summariesOf: the firm's items and the grouped documents-and-waivers statement side by
 * side (unnamed statements), the derivation in memory.
 */
async function checklistSummaries(files: WorkPermitFileEntity[]): Promise<Map<string, ChecklistSummary>> {
  const [firm, statuses] = await Promise.all([
    rows<FirmChecklistItemRow>(FIRM_CHECKLIST_ITEMS),
    rows<ChecklistStatusRow>(CHECKLIST_STATUSES_OF_FILES, [files.map((f) => f.id)]),
  ]);
  return checklistSummariesOf(files, firm.map(firmChecklistItemFromRow), statuses);
}

/** AgreementsService.statesOf: one unnamed statement for the page. */
async function agreementStates(fileIds: string[]): Promise<Map<string, FileAgreementState>> {
  const found = await rows<AgreementStateRow>(AGREEMENT_STATES_OF_FILES, [fileIds]);
  return new Map(found.map((r) => [r.id, r.state]));
}

/**
 * The bare server signs nobody in: it counts unread messages as a staff member who has read none (the same
 * statement and cost as MessagesService.unreadForStaff).
 */
const READER_ID = '00000000-0000-4000-8000-000000000000';

/** MessagesService.unreadForStaff: one unnamed statement for the page. */
async function unreadMessages(fileIds: string[]): Promise<Map<string, number>> {
  const found = await rows<UnreadMessagesRow>(UNREAD_MESSAGES_OF_FILES, [fileIds, READER_ID]);
  return new Map(found.map((r) => [r.id, r.unread]));
}

/** DeadlineResponse.from (apps/api/src/deadlines/dto/deadline.response.ts), fields in its order. */
function deadlineResponse(deadline: DeadlineOfFile): Json<Schemas['DeadlineResponse']> {
  return {
    id: deadline.id,
    fileId: deadline.fileId,
    fileNumber: deadline.fileNumber || null,
    clientName: deadline.clientName || null,
    kind: deadline.kind,
    source: deadline.source,
    title: deadline.title,
    notes: deadline.notes,
    dueOn: deadline.dueOn,
    assigneeId: deadline.assigneeId,
    isOverdue: deadline.isOverdue,
    completedAt: deadline.completedAt,
    completedById: deadline.completedById,
    createdAt: deadline.createdAt,
    updatedAt: deadline.updatedAt,
  };
}

/**
 * Mirrors GET /api/files?stream=: WorkPermitFilesRepository.list for the admin scope with the stream filter,
 * first page: an unnamed statement whose text depends only on which filters are set; then the page's checklist
 * counts.
 */
async function listFiles(query: URLSearchParams) {
  const limit = limitOf(query);
  const where = new SqlConditions();
  const stream = query.get('stream');
  if (stream) {
    where.add('f.stream = $1', stream);
  }
  const limitParam = where.param(limit + 1);
  const found = await rows<FileWithPeopleRow>(
    `${FILE_WITH_PEOPLE_FROM}${where.where()}\nORDER BY f.created_at DESC, f.id DESC\nLIMIT ${limitParam}`,
    where.params,
  );
  const page = toPage(found, limit, (f) => [f.created_at.toISOString(), f.id], fileFromRow);
  const ids = page.items.map((f) => f.id);
  const [checklists, agreements, unread] =
    page.items.length > 0
      ? await Promise.all([checklistSummaries(page.items), agreementStates(ids), unreadMessages(ids)])
      : [
          new Map<string, ChecklistSummary>(),
          new Map<string, FileAgreementState>(),
          new Map<string, number>(),
        ];
  return {
    items: page.items.map((f) =>
      fileSummary(
        f,
        checklists.get(f.id) as ChecklistSummary,
        agreements.get(f.id) ?? 'none',
        unread.get(f.id) ?? 0,
      ),
    ),
    nextCursor: page.nextCursor,
  };
}

/**
 * Mirrors GET /api/files/:id: WorkPermitFilesRepository.findVisible (admin scope), then
 * DeadlinesService.listForFile (named statements) beside the checklist counts' two statements.
 */
async function getFile(id: string) {
  const [row] = await preparedQuery<FileWithPeopleRow>(namedReads, FILE_BY_ID, [id]);
  if (!row) {
    throw new HttpError(404, 'No such file');
  }
  const file = fileFromRow(row);
  const [found, checklists, agreements, unread] = await Promise.all([
    preparedQuery<DeadlineOfFileRow>(namedReads, DEADLINES_OF_FILE, [file.id]),
    checklistSummaries([file]),
    agreementStates([file.id]),
    unreadMessages([file.id]),
  ]);
  const today = todayIn(new Date(), FIRM_ZONE);
  const deadlines = found.map((d) => deadlineResponse(deadlineOfFileFromRow(d, today)));
  return Object.assign(
    fileSummary(
      file,
      checklists.get(file.id) as ChecklistSummary,
      agreements.get(file.id) ?? 'none',
      unread.get(file.id) ?? 0,
    ),
    { deadlines },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Clients: GET /api/clients?q= (search)

/** ClientResponse.from for a list (apps/api/src/clients/dto/client.response.ts), fields in its order. */
function clientResponse(client: ClientListItem): Json<Schemas['ClientResponse']> {
  const masked = maskPassportNumber(client.passportNumberHint);
  return {
    id: client.id,
    firstName: client.firstName,
    lastName: client.lastName,
    email: client.email,
    phone: client.phone,
    dateOfBirth: client.dateOfBirth,
    citizenship: client.citizenship,
    countryOfResidence: client.countryOfResidence,
    statusInCanada: client.statusInCanada,
    statusExpiresOn: client.statusExpiresOn,
    statusAppliedOn: client.statusAppliedOn,
    statusLostOn: client.statusLostOn,
    passportNumber: masked,
    passportNumberMasked: masked,
    passportExpiresOn: client.passportExpiresOn,
    uci: client.uci,
    preferredLanguage: client.preferredLanguage,
    consultantId: client.consultantId,
    isProspect: client.isProspect,
    archivedAt: client.archivedAt,
    createdAt: client.createdAt,
    updatedAt: client.updatedAt,
  };
}

/**
 * Mirrors GET /api/clients?q=: ClientsRepository.list for the admin scope, active clients, first page: a name
 * term through the same searchClientsByName (its rank statements, unnamed), a term with digits as one unnamed
 * statement over name, email, phone and UCI.
 */
async function searchClients(query: URLSearchParams) {
  const limit = limitOf(query);
  const filters = (): SqlConditions => {
    const where = new SqlConditions();
    where.add('c.archived_at IS NULL');
    return where;
  };
  const term = query.get('q')?.trim().replace(/\s+/g, ' ');
  const digits = term ? searchDigits(term) : null;
  if (term && !digits) {
    const patterns = { prefix: likePrefix(term), substring: likePattern(term) };
    const page = await searchClientsByName(
      (sql, params) => rows(sql, params),
      filters,
      patterns,
      undefined,
      limit,
    );
    return { items: page.items.map(clientResponse), nextCursor: page.next ? encodeCursor(page.next) : null };
  }
  const where = filters();
  if (term && digits) {
    where.add(
      `((c.first_name || ' ' || c.last_name) ILIKE $1 OR c.email::text ILIKE $1 OR c.phone ILIKE $2 OR c.uci ILIKE $2)`,
      likePattern(term),
      likePattern(digits),
    );
  }
  const limitParam = where.param(limit + 1);
  const found = await rows<ClientListRow>(
    `${CLIENT_LIST_FROM}${where.where()}\nORDER BY c.created_at DESC, c.id DESC\nLIMIT ${limitParam}`,
    where.params,
  );
  const page = toPage(found, limit, (c) => [c.created_at.toISOString(), c.id], clientListItemFromRow);
  return { items: page.items.map(clientResponse), nextCursor: page.nextCursor };
}

// ---------------------------------------------------------------------------------------------------------------
// Public booking: GET /api/public/slots and POST /api/public/bookings

/** ConsultationsRepository.loadSchedules: availability, then time off and booked consultations side by side. */
async function loadSchedules(
  consultantId: string | undefined,
  window: { from: Date; to: Date },
  bookedWindow: { from: Date; to: Date },
): Promise<ConsultantSchedule[]> {
  const availability = await preparedQuery<AvailabilityRow>(namedReads, BOOKABLE_AVAILABILITY, [
    consultantId === undefined ? null : [consultantId],
  ]);
  if (availability.length === 0) {
    return [];
  }
  const ids = availability.map((a) => a.consultant_id);
  const [timeOff, booked] = await Promise.all([
    preparedQuery<TimeOffRow>(namedReads, TIME_OFF_IN_WINDOW, [ids, window.from, window.to]),
    preparedQuery<BookedRow>(namedReads, BOOKED_IN_WINDOW, [
      ids,
      bookedWindow.from,
      bookedWindow.to,
      new Date(),
    ]),
  ]);
  return schedulesFromRows(availability, timeOff, booked);
}

/** Mirrors GET /api/public/slots: SlotsService.find (four queries, then the same slot rules). */
async function findSlots(query: URLSearchParams) {
  const typeId = query.get('type') ?? '';
  const consultantId = query.get('consultantId') ?? undefined;
  const timezone = query.get('timezone') ?? undefined;
  const zone = timezone ?? FIRM_ZONE;
  const now = new Date();
  const from = query.get('from') ? parseBound(query.get('from') as string, zone, 'from') : now;
  const to = query.get('to')
    ? parseBound(query.get('to') as string, zone, 'to')
    : new Date(from.getTime() + 14 * DAY);
  const window = { from: new Date(from.getTime() - DAY), to: new Date(to.getTime() + DAY) };
  const bookedWindow =
    consultantId === undefined
      ? {
          from: DateTime.fromJSDate(window.from, { zone: FIRM_ZONE }).startOf('week').toJSDate(),
          to: DateTime.fromJSDate(window.to, { zone: FIRM_ZONE }).endOf('week').toJSDate(),
        }
      : window;
  const [[type], schedules] = await Promise.all([
    preparedQuery<ConsultationTypeRow>(namedReads, ACTIVE_CONSULTATION_TYPE, [typeId]),
    loadSchedules(consultantId, window, bookedWindow),
  ]);
  if (!type) {
    throw new HttpError(400, 'type is not a consultation type that can be booked');
  }
  const perConsultant = schedules.map((s) => ({
    consultantId: s.consultantId,
    bookedStarts: s.booked.map((b) => b.start),
    slots: computeSlots({
      now,
      from,
      to,
      durationMinutes: type.duration_minutes,
      availability: s.rules,
      booked: s.booked,
      timeOff: s.timeOff,
    }),
  }));
  const assigned =
    consultantId === undefined
      ? assignFairly(perConsultant, FIRM_ZONE)
      : perConsultant.flatMap((c) => c.slots.map((slot) => ({ ...slot, consultantId: c.consultantId })));
  return assigned.map((slot) => ({
    ...slot,
    startsAtLocal: timezone ? toLocalIso(slot.startsAt.getTime(), timezone) : null,
    endsAtLocal: timezone ? toLocalIso(slot.endsAt.getTime(), timezone) : null,
  }));
}

/** ClientsRepository.findActiveByEmail, in the booking's transaction. */
const CLIENT_COLUMNS = `"ClientEntity"."id" AS "ClientEntity_id", "ClientEntity"."first_name" AS "ClientEntity_first_name", "ClientEntity"."last_name" AS "ClientEntity_last_name", "ClientEntity"."email" AS "ClientEntity_email", "ClientEntity"."phone" AS "ClientEntity_phone", "ClientEntity"."date_of_birth" AS "ClientEntity_date_of_birth", "ClientEntity"."citizenship" AS "ClientEntity_citizenship", "ClientEntity"."country_of_residence" AS "ClientEntity_country_of_residence", "ClientEntity"."status_in_canada" AS "ClientEntity_status_in_canada", "ClientEntity"."status_expires_on" AS "ClientEntity_status_expires_on", "ClientEntity"."passport_number_encrypted" AS "ClientEntity_passport_number_encrypted", "ClientEntity"."passport_number_hint" AS "ClientEntity_passport_number_hint", "ClientEntity"."passport_expires_on" AS "ClientEntity_passport_expires_on", "ClientEntity"."uci" AS "ClientEntity_uci", "ClientEntity"."preferred_language" AS "ClientEntity_preferred_language", "ClientEntity"."consultant_id" AS "ClientEntity_consultant_id", "ClientEntity"."is_prospect" AS "ClientEntity_is_prospect", "ClientEntity"."archived_at" AS "ClientEntity_archived_at", "ClientEntity"."created_at" AS "ClientEntity_created_at", "ClientEntity"."updated_at" AS "ClientEntity_updated_at"`;
const CLIENT_BY_EMAIL = `SELECT ${CLIENT_COLUMNS} FROM "clients" "ClientEntity" WHERE (("ClientEntity"."email" = $1) AND ("ClientEntity"."archived_at" IS NULL)) LIMIT 1`;
const CLIENT_BY_ID = `SELECT ${CLIENT_COLUMNS} FROM "clients" "ClientEntity" WHERE (("ClientEntity"."id" = $1)) LIMIT 1`;
/** ClientsService.findOrCreateProspectByEmail: the insert (orIgnore). */
const INSERT_PROSPECT = `INSERT INTO "clients"("id", "first_name", "last_name", "email", "phone", "date_of_birth", "citizenship", "country_of_residence", "status_in_canada", "status_expires_on", "passport_number_encrypted", "passport_number_hint", "passport_expires_on", "uci", "preferred_language", "consultant_id", "is_prospect", "archived_at", "created_at", "updated_at") VALUES (DEFAULT, $1, $2, $3, $4, DEFAULT, DEFAULT, DEFAULT, $5, DEFAULT, DEFAULT, DEFAULT, DEFAULT, DEFAULT, $6, $7, $8, DEFAULT, DEFAULT, DEFAULT) ON CONFLICT DO NOTHING  RETURNING "id", "status_in_canada", "preferred_language", "is_prospect", "created_at", "updated_at"`;
/** AuditService.record. */
const INSERT_AUDIT = `INSERT INTO "audit_events"("id", "occurred_at", "actor_id", "action", "subject_type", "subject_id", "file_id", "client_id", "changes") VALUES (DEFAULT, DEFAULT, $1, $2, $3, $4, $5, $6, $7) RETURNING "id", "seq", "occurred_at", "changes"`;
/** ConsultationWriter.insert. */
const INSERT_CONSULTATION = `INSERT INTO "consultations"("id", "consultant_id", "client_id", "type_id", "starts_at", "ends_at", "blocked_from", "blocked_until", "mode", "status", "client_timezone", "language", "topic", "prescreen", "is_urgent", "notes", "manage_token_hash", "sequence", "booked_by_id", "cancelled_at", "file_id", "created_at", "updated_at") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, DEFAULT, DEFAULT, DEFAULT, DEFAULT) RETURNING "id", "mode", "status", "language", "is_urgent", "sequence", "created_at", "updated_at"`;
/** ReminderPlanner.lockRowsOf, then its insert (ConsultationReminders.plan). */
const LOCK_REMINDERS = `SELECT "r"."id" AS "r_id", "r"."subject_type" AS "r_subject_type", "r"."subject_id" AS "r_subject_id", "r"."offset_key" AS "r_offset_key", "r"."recipient" AS "r_recipient", "r"."send_at" AS "r_send_at", "r"."status" AS "r_status", "r"."attempts" AS "r_attempts", "r"."last_error" AS "r_last_error", "r"."claimed_at" AS "r_claimed_at", "r"."sent_at" AS "r_sent_at", "r"."message_id" AS "r_message_id", "r"."created_at" AS "r_created_at", "r"."updated_at" AS "r_updated_at" FROM "reminders" "r" WHERE ("r"."subject_type", "r"."subject_id") IN (SELECT s.type, s.id FROM unnest(CAST($1 AS text[]), CAST($2 AS uuid[])) AS s(type, id)) FOR UPDATE`;
const INSERT_REMINDERS = `INSERT INTO reminders (subject_type, subject_id, offset_key, recipient, send_at)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
         ON CONFLICT (subject_type, subject_id, offset_key, recipient) DO NOTHING
         RETURNING id, send_at`;
/** BookingService.reload: ConsultationsRepository.findVisible, with consultant, client and type. */
const CONSULTATION_WITH_DETAILS = `SELECT "c"."id" AS "c_id", "c"."consultant_id" AS "c_consultant_id", "c"."client_id" AS "c_client_id", "c"."type_id" AS "c_type_id", "c"."starts_at" AS "c_starts_at", "c"."ends_at" AS "c_ends_at", "c"."blocked_from" AS "c_blocked_from", "c"."blocked_until" AS "c_blocked_until", "c"."mode" AS "c_mode", "c"."status" AS "c_status", "c"."client_timezone" AS "c_client_timezone", "c"."language" AS "c_language", "c"."topic" AS "c_topic", "c"."prescreen" AS "c_prescreen", "c"."is_urgent" AS "c_is_urgent", "c"."notes" AS "c_notes", "c"."manage_token_hash" AS "c_manage_token_hash", "c"."sequence" AS "c_sequence", "c"."booked_by_id" AS "c_booked_by_id", "c"."cancelled_at" AS "c_cancelled_at", "c"."file_id" AS "c_file_id", "c"."created_at" AS "c_created_at", "c"."updated_at" AS "c_updated_at", "u"."id" AS "u_id", "u"."name" AS "u_name", "u"."email" AS "u_email", "u"."timezone" AS "u_timezone", "cl"."id" AS "cl_id", "cl"."first_name" AS "cl_first_name", "cl"."last_name" AS "cl_last_name", "cl"."email" AS "cl_email", "cl"."phone" AS "cl_phone", "cl"."preferred_language" AS "cl_preferred_language", "cl"."consultant_id" AS "cl_consultant_id", "cl"."is_prospect" AS "cl_is_prospect", "cl"."archived_at" AS "cl_archived_at", "ty"."id" AS "ty_id", "ty"."name" AS "ty_name", "ty"."name_fr" AS "ty_name_fr", "ty"."duration_minutes" AS "ty_duration_minutes", "ty"."price_cents" AS "ty_price_cents", "ty"."description" AS "ty_description", "ty"."description_fr" AS "ty_description_fr", "ty"."mode" AS "ty_mode", "ty"."is_active" AS "ty_is_active", "ty"."created_at" AS "ty_created_at", "ty"."updated_at" AS "ty_updated_at" FROM "consultations" "c" INNER JOIN "users" "u" ON "u"."id"="c"."consultant_id"  INNER JOIN "clients" "cl" ON "cl"."id"="c"."client_id"  INNER JOIN "consultation_types" "ty" ON "ty"."id"="c"."type_id" WHERE "c"."id" = $1`;

/** The benchmark always books a chosen consultant. */
type BookingBody = Schemas['CreateBookingDto'] & { consultantId: string };

/** PostgreSQL's exclusion violation: the slot was taken meanwhile (the API's CONSULTATION_SLOT_TAKEN). */
const EXCLUSION_VIOLATION = '23P01';

/** ClientsService.findOrCreateProspectByEmail: the active client with this email, else a new prospect. */
async function findOrCreateProspect(db: PoolClient, input: BookingBody): Promise<ClientRow> {
  const [existing] = await rows<ClientRow>(CLIENT_BY_EMAIL, [input.email], db);
  if (existing) {
    return existing;
  }
  const { firstName, lastName } = splitFullName(input.name);
  const prospect = {
    firstName,
    lastName,
    email: input.email,
    phone: null,
    statusInCanada: 'none',
    preferredLanguage: input.language ?? 'en',
    consultantId: null,
    isProspect: true,
  };
  const [inserted] = await rows<InsertedRow>(
    INSERT_PROSPECT,
    [firstName, lastName, input.email, null, 'none', prospect.preferredLanguage, null, true],
    db,
  );
  const changes = {
    ...prospect,
    id: inserted.id,
    createdAt: inserted.created_at,
    updatedAt: inserted.updated_at,
  };
  await db.query(INSERT_AUDIT, [
    null,
    'client.created',
    'client',
    inserted.id,
    null,
    inserted.id,
    JSON.stringify(changes),
  ]);
  const [created] = await rows<ClientRow>(CLIENT_BY_ID, [inserted.id], db);
  return created;
}

/** ConsultationWriter.insert: the consultation, its audit event, its reminder 24 h before (ReminderPlanner). */
async function insertConsultation(
  db: PoolClient,
  input: BookingBody,
  client: ClientRow,
  times: { startsAt: Date; endsAt: Date; blockedUntil: Date; bufferMinutes: number },
): Promise<{ id: string; token: string }> {
  const { startsAt, endsAt, blockedUntil, bufferMinutes } = times;
  const token = newManageToken();
  const language = input.language ?? client.ClientEntity_preferred_language;
  const [consultation] = await rows<{ id: string }>(
    INSERT_CONSULTATION,
    [
      input.consultantId,
      client.ClientEntity_id,
      input.type,
      startsAt,
      endsAt,
      startsAt,
      blockedUntil,
      'video',
      'booked',
      input.timezone,
      language,
      null,
      null,
      false,
      null,
      hashManageToken(token),
      0,
      null,
    ],
    db,
  );
  const booked = {
    consultantId: input.consultantId,
    typeId: input.type,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    mode: 'video',
    bufferMinutes,
    isUrgent: false,
    by: 'client',
  };
  await db.query(INSERT_AUDIT, [
    null,
    'consultation.booked',
    'consultation',
    consultation.id,
    null,
    client.ClientEntity_id,
    JSON.stringify(booked),
  ]);
  await db.query(LOCK_REMINDERS, [['consultation'], [consultation.id]]);
  const sendAt = new Date(startsAt.getTime() - 24 * 3_600_000);
  if (sendAt.getTime() > Date.now()) {
    await db.query(INSERT_REMINDERS, [
      ['consultation'],
      [consultation.id],
      [`24h@${startsAt.toISOString()}`],
      [input.email],
      [sendAt.toISOString()],
    ]);
  }
  return { id: consultation.id, token };
}

/** The booking's transaction, statement for statement as the API's; 409 when the slot was taken meanwhile. */
async function bookInTransaction(input: BookingBody, bufferMinutes: number, durationMinutes: number) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
  const blockedUntil = new Date(endsAt.getTime() + bufferMinutes * 60_000);
  const db = await pool.connect();
  try {
    await db.query('START TRANSACTION');
    const client = await findOrCreateProspect(db, input);
    const booked = await insertConsultation(db, input, client, {
      startsAt,
      endsAt,
      blockedUntil,
      bufferMinutes,
    });
    await db.query('COMMIT');
    return booked;
  } catch (error) {
    await db.query('ROLLBACK');
    if ((error as { code?: string }).code === EXCLUSION_VIOLATION) {
      throw new HttpError(409, 'Someone else booked this time first');
    }
    throw error;
  } finally {
    db.release();
  }
}

/** Mirrors POST /api/public/bookings for a chosen consultant: BookingService.book's reads, transaction, reload. */
async function book(input: BookingBody): Promise<Json<Schemas['BookingCreatedResponse']>> {
  const start = new Date(input.startsAt);
  // SlotsService.schedulesAround(..., start, 480): a day either side of an 8-hour span.
  const window = {
    from: new Date(start.getTime() - DAY),
    to: new Date(start.getTime() + 480 * 60_000 + DAY),
  };
  const [[type], schedules] = await Promise.all([
    preparedQuery<ConsultationTypeRow>(namedReads, ACTIVE_CONSULTATION_TYPE, [input.type]),
    loadSchedules(input.consultantId, window, window),
  ]);
  if (!type || schedules.length === 0) {
    throw new HttpError(400, 'type or consultantId cannot be booked');
  }
  const duration = type.duration_minutes;
  const { id, token } = await bookInTransaction(input, schedules[0].rules.bufferMinutes, duration);
  const [c] = await rows<ConsultationWithDetailsRow>(CONSULTATION_WITH_DETAILS, [id]);
  return {
    id: c.c_id,
    status: c.c_status,
    // Booked outright, as the bare server inserts it: no confirmation hold.
    confirmBy: null,
    startsAt: c.c_starts_at,
    endsAt: c.c_ends_at,
    startsAtLocal: toLocalIso(c.c_starts_at.getTime(), c.c_client_timezone),
    endsAtLocal: toLocalIso(c.c_ends_at.getTime(), c.c_client_timezone),
    timezone: c.c_client_timezone,
    mode: c.c_mode,
    consultant: { id: c.u_id, name: c.u_name },
    type: {
      id: c.ty_id,
      name: c.ty_name,
      nameFr: c.ty_name_fr,
      durationMinutes: c.ty_duration_minutes,
      priceCents: c.ty_price_cents,
      description: c.ty_description,
      descriptionFr: c.ty_description_fr,
      mode: c.ty_mode,
    },
    // The bare server does not look up meeting places: it measures booking, not the confirmation's contents.
    meetingLink: null,
    manageUrl: manageUrl(APP_URL, token),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The body is not JSON');
  }
}

async function route(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
  const url = new URL(req.url ?? '/', 'http://bare');
  const path = url.pathname;
  if (req.method === 'GET') {
    if (path === '/api/health') {
      return { status: 200, body: { status: 'ok' } };
    }
    if (path === '/api/files') {
      return { status: 200, body: await listFiles(url.searchParams) };
    }
    const file = /^\/api\/files\/([0-9a-f-]{36})$/i.exec(path);
    if (file) {
      return { status: 200, body: await getFile(file[1]) };
    }
    if (path === '/api/clients') {
      return { status: 200, body: await searchClients(url.searchParams) };
    }
    if (path === '/api/public/slots') {
      return { status: 200, body: await findSlots(url.searchParams) };
    }
  }
  if (req.method === 'POST' && path === '/api/public/bookings') {
    return { status: 201, body: await book((await readBody(req)) as BookingBody) };
  }
  throw new HttpError(404, 'Not found');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}

const server = createServer((req, res) => {
  route(req).then(
    ({ status, body }) => send(res, status, body),
    (error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) {
        console.error(error);
      }
      send(res, status, {
        statusCode: status,
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );
});
server.listen(PORT, '127.0.0.1');

function shutdown(): void {
  server.close();
  server.closeAllConnections();
  void pool.end().finally(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
