import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, diffFields, type TimelineEvent } from '@app/audit';
import { StaffRole, UsersService, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import {
  addFieldError,
  Clock,
  FieldEncryption,
  reencryptColumn,
  type ReencryptProgress,
  type ReencryptResult,
  mergeFieldErrors,
  throwIfFieldErrors,
  ValidationFailedError,
  type FieldErrors,
  type Page,
  type StaffScope,
} from '@app/shared';
import { ClientError, ClientErrorCode } from './clients.errors';
import type { ClientListItem } from './client-rows';
import { ClientsRepository, type ListClientsQuery } from './clients.repository';
import { ClientEntity, PreferredLanguage, StatusInCanada } from './entities/client.entity';
import { todayIn } from './rules/calendar-date';
import {
  NAME_MAX_LENGTH,
  normalizeClientFields,
  type CreateClientInput,
  type NormalizedClientFields,
  type UpdateClientInput,
} from './rules/client-fields';
import { passportNumberHint } from './rules/passport-number';
import { splitFullName } from './rules/person-name';
import {
  STATUS_DATE_FIELDS,
  statusDateApplies,
  statusDateProblems,
  type StatusDates,
} from './rules/status-in-canada';
import { ClientStatusListeners } from './client-status-listeners';

/** Associated data bound into every encrypted passport number. */
const PASSPORT_CONTEXT = 'clients.passport_number';
const EMAIL_INDEX = 'uq_clients__email_active';

/** What a public booking knows about the person booking. */
export interface ProspectInput {
  /** A single name field; split into first and last name when firstName/lastName are not given. */
  name?: string;
  firstName?: string;
  lastName?: string;
  email: string;
  phone?: string | null;
  preferredLanguage?: PreferredLanguage;
}

/** The fields written to the table; the passport number only ever goes in encrypted. */
type StoredFields = Omit<NormalizedClientFields, 'passportNumber'> & {
  passportNumberEncrypted?: string | null;
  passportNumberHint?: string | null;
};

function emailTaken(email: string | null | undefined): ClientError {
  return new ClientError(
    ClientErrorCode.EmailTaken,
    `Another active client already uses the email ${email ?? ''}`.trim(),
    {
      email: ['is already used by another active client'],
    },
  );
}

function notFound(): ClientError {
  return new ClientError(ClientErrorCode.NotFound, 'No client with this id');
}

/** Audit-safe values: never the passport number, in clear or encrypted, only the fact that it changed. */
function auditable(fields: NormalizedClientFields): Record<string, unknown> {
  const { passportNumber, ...rest } = fields;
  return passportNumber === undefined ? rest : { ...rest, passportNumber: 'changed' };
}

@Injectable()
export class ClientsService {
  private readonly encryption: FieldEncryption;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ClientsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly statusListeners: ClientStatusListeners,
    private readonly users: UsersService,
  ) {
    this.encryption = new FieldEncryption(config.dataEncryptionKey, config.previousDataEncryptionKey);
  }

  /**
   * Creates a client. `actor` null is the system (imports, tests) and may assign anyone; a consultant's client
   * is assigned to them and cannot be assigned to someone else (400 on consultantId).
   */
  async create(input: CreateClientInput, actor: StaffUser | null): Promise<ClientEntity> {
    const { values, errors } = this.normalize(input, true);
    const isConsultant = actor?.role === StaffRole.Consultant;
    if (isConsultant && values.consultantId != null && values.consultantId !== actor.id) {
      addFieldError(errors, 'consultantId', 'consultants can only assign clients to themselves');
    }
    const consultantId = isConsultant ? actor.id : (values.consultantId ?? null);
    const statusInCanada = values.statusInCanada ?? StatusInCanada.None;
    mergeFieldErrors(
      errors,
      statusDateProblems(statusInCanada, {
        statusExpiresOn: values.statusExpiresOn ?? null,
        statusAppliedOn: values.statusAppliedOn ?? null,
        statusLostOn: values.statusLostOn ?? null,
      }),
    );
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (consultantId !== null && !isConsultant && !errors.consultantId) {
          await this.checkConsultant(manager, consultantId, errors);
        }
        throwIfFieldErrors(errors);
        const saved = await this.repository.insert(
          {
            ...this.toStored(values),
            statusInCanada,
            preferredLanguage: values.preferredLanguage ?? PreferredLanguage.En,
            consultantId,
            isProspect: false,
          },
          manager,
        );
        await this.statusListeners.changed(manager, saved, actor?.id ?? null);
        await this.audit.record(manager, {
          actorId: actor?.id ?? null,
          action: 'client.created',
          subjectType: 'client',
          subjectId: saved.id,
          clientId: saved.id,
          changes: auditable({
            ...values,
            statusInCanada,
            preferredLanguage: saved.preferredLanguage,
            consultantId,
          }),
        });
        return saved;
      });
    } catch (error) {
      throw isUniqueViolation(error, EMAIL_INDEX) ? emailTaken(values.email) : error;
    }
  }

  /**
   * Partial update: absent fields stay, null clears a nullable one. Archived clients cannot be changed. Inside
   * `outer`'s transaction when given (a change that is part of a larger one), otherwise in its own.
   */
  async update(
    id: string,
    input: UpdateClientInput,
    actor: StaffUser,
    scope: StaffScope,
    outer?: EntityManager,
  ): Promise<ClientEntity> {
    const { values, errors } = this.normalize(input, false);
    try {
      const apply = async (manager: EntityManager): Promise<ClientEntity> => {
        const client = await this.repository.findVisible(id, scope, manager);
        if (!client) {
          throw notFound();
        }
        if (client.archivedAt) {
          throw new ClientError(ClientErrorCode.Archived, 'An archived client cannot be changed');
        }
        if (values.consultantId !== undefined && values.consultantId !== client.consultantId) {
          if (actor.role === StaffRole.Consultant && values.consultantId !== actor.id) {
            addFieldError(errors, 'consultantId', 'consultants can only assign clients to themselves');
          } else if (values.consultantId !== null && !errors.consultantId) {
            await this.checkConsultant(manager, values.consultantId, errors);
          }
        }
        const status = values.statusInCanada ?? client.statusInCanada;
        const dates = {} as StatusDates;
        for (const field of STATUS_DATE_FIELDS) {
          if (values[field] !== undefined) {
            dates[field] = values[field];
          } else if (values.statusInCanada !== undefined && !statusDateApplies(status, field)) {
            // A new status ends the dates of the old one that do not apply to it (a permanent resident's expiry).
            dates[field] = null;
            if (client[field] !== null) {
              values[field] = null;
            }
          } else {
            dates[field] = client[field];
          }
        }
        mergeFieldErrors(errors, statusDateProblems(status, dates));
        throwIfFieldErrors(errors);

        const { passportNumber, ...plain } = values;
        const changes: Record<string, unknown> = diffFields(client, plain);
        const stored: StoredFields = { ...plain };
        if (passportNumber !== undefined && passportNumber !== this.decryptPassportNumber(client)) {
          changes.passportNumber = 'changed';
          Object.assign(stored, this.toStored({ passportNumber }));
        }
        if (Object.keys(changes).length === 0) {
          return client;
        }
        Object.assign(client, stored);
        const saved = await this.repository.save(client, manager);
        if (['statusInCanada', ...STATUS_DATE_FIELDS].some((field) => field in changes)) {
          await this.statusListeners.changed(manager, saved, actor.id);
        }
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'client.updated',
          subjectType: 'client',
          subjectId: client.id,
          clientId: client.id,
          changes,
        });
        return saved;
      };
      return await (outer ? apply(outer) : this.dataSource.transaction(apply));
    } catch (error) {
      throw isUniqueViolation(error, EMAIL_INDEX) ? emailTaken(values.email) : error;
    }
  }

  /** Sets archivedAt; the client stays readable by id and their email may be used again. Assistants cannot. */
  async archive(id: string, actor: StaffUser, scope: StaffScope): Promise<void> {
    if (actor.role === StaffRole.Assistant) {
      throw notFound();
    }
    await this.dataSource.transaction(async (manager) => {
      const client = await this.repository.findVisible(id, scope, manager);
      if (!client) {
        throw notFound();
      }
      if (client.archivedAt) {
        return;
      }
      client.archivedAt = this.clock.now();
      await this.repository.save(client, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'client.archived',
        subjectType: 'client',
        subjectId: client.id,
        clientId: client.id,
        changes: { archivedAt: [null, client.archivedAt.toISOString()] },
      });
    });
  }

  /** The client, archived or not, if the scope may see it; otherwise CLIENT_NOT_FOUND (as if missing). */
  async requireVisible(id: string, scope: StaffScope): Promise<ClientEntity> {
    const client = await this.repository.findVisible(id, scope);
    if (!client) {
      throw notFound();
    }
    return client;
  }

  /** The client, whatever the scope, in the caller's transaction (for records that follow the client). */
  findInTransaction(id: string, manager: EntityManager): Promise<ClientEntity | null> {
    return this.repository.findById(id, manager);
  }

  /**
   * The client a record is being written for, share-locked for the caller's transaction: the client cannot be
   * archived until it ends. Null when there is no such client.
   */
  lockForNewRecord(
    id: string,
    manager: EntityManager,
  ): Promise<Pick<ClientEntity, 'id' | 'consultantId' | 'archivedAt'> | null> {
    return this.repository.lockShared(id, manager);
  }

  /** Whether the firm has any client yet (archived ones count). */
  hasAny(): Promise<boolean> {
    return this.repository.hasAny();
  }

  list(query: ListClientsQuery, scope: StaffScope): Promise<Page<ClientListItem>> {
    return this.repository.list(query, scope);
  }

  /** The client's audit events (their own and those of their files), newest first. */
  async timeline(
    id: string,
    page: { limit: number; cursor?: string },
    scope: StaffScope,
  ): Promise<Page<TimelineEvent>> {
    await this.requireVisible(id, scope);
    return this.audit.timeline({ clientId: id }, page);
  }

  /**
   * For public bookings, inside the caller's transaction: the active client with this email (any case), or a
   * new prospect (no consultant). Safe under concurrent bookings with the same email: the insert yields to the
   * partial unique index and the row that won is returned.
   */
  async findOrCreateProspectByEmail(manager: EntityManager, input: ProspectInput): Promise<ClientEntity> {
    const email = input.email.trim();
    if (!isEmail(email) || email.length > 254) {
      throw ValidationFailedError.field('email', 'email must be an email address');
    }
    const existing = await this.repository.findActiveByEmail(email, manager);
    if (existing) {
      return existing;
    }
    const names =
      input.firstName !== undefined || input.lastName !== undefined
        ? { firstName: input.firstName ?? '', lastName: input.lastName ?? '' }
        : splitFullName(input.name ?? '');
    const firstName = names.firstName.trim().replace(/\s+/g, ' ');
    const lastName = names.lastName.trim().replace(/\s+/g, ' ');
    const { values, errors } = this.normalize(
      { phone: input.phone, preferredLanguage: input.preferredLanguage },
      false,
    );
    if (firstName === '' || firstName.length > NAME_MAX_LENGTH || lastName.length > NAME_MAX_LENGTH) {
      errors.name = [`name must be 1 to ${NAME_MAX_LENGTH} characters`];
    }
    throwIfFieldErrors(errors);
    const prospect = {
      firstName,
      lastName,
      email,
      phone: values.phone ?? null,
      statusInCanada: StatusInCanada.None,
      preferredLanguage: values.preferredLanguage ?? PreferredLanguage.En,
      consultantId: null,
      isProspect: true,
    };
    // ON CONFLICT DO NOTHING: a concurrent booking with the same email waits for ours, then finds our row.
    const id = await this.repository.insertUnlessEmailTaken(prospect, manager);
    if (id === undefined) {
      const winner = await this.repository.findActiveByEmail(email, manager);
      if (!winner) {
        throw emailTaken(email);
      }
      return winner;
    }
    await this.audit.record(manager, {
      actorId: null,
      action: 'client.created',
      subjectType: 'client',
      subjectId: id,
      clientId: id,
      changes: { ...prospect },
    });
    return this.repository.getById(id, manager);
  }

  /**
   * A prospect (or a client without a consultant) becomes a client of `consultantId`, in the caller's
   * transaction; the caller records why (a converted consultation).
   */
  async takeOn(clientId: string, consultantId: string, manager: EntityManager): Promise<void> {
    await this.repository.updateFields(clientId, { isProspect: false, consultantId }, manager);
  }

  /**
   * Key rotation: re-encrypts every passport number not under the current DATA_ENCRYPTION_KEY (read with
   * DATA_ENCRYPTION_KEY_PREVIOUS), in batches; safe to run again.
   */
  reencryptPassportNumbers(
    batchSize?: number,
    onProgress?: (progress: ReencryptProgress) => void,
  ): Promise<ReencryptResult> {
    return reencryptColumn(
      this.encryption,
      PASSPORT_CONTEXT,
      (afterId, limit) => this.repository.encryptedPassportNumbersAfter(afterId, limit),
      (id, from, to) => this.repository.replaceEncryptedPassportNumber(id, from, to),
      batchSize,
      onProgress,
    );
  }

  /** The passport number in clear, for those who may see the client; null when none is on file. */
  decryptPassportNumber(client: ClientEntity): string | null {
    return client.passportNumberEncrypted === null
      ? null
      : this.encryption.decrypt(client.passportNumberEncrypted, PASSPORT_CONTEXT);
  }

  private normalize(input: UpdateClientInput, creating: boolean) {
    return normalizeClientFields(input, {
      creating,
      today: todayIn(this.config.firmTimeZone, this.clock.now()),
    });
  }

  private toStored(values: NormalizedClientFields): StoredFields {
    const { passportNumber, ...rest } = values;
    if (passportNumber === undefined) {
      return rest;
    }
    return {
      ...rest,
      passportNumberEncrypted:
        passportNumber === null ? null : this.encryption.encrypt(passportNumber, PASSPORT_CONTEXT),
      passportNumberHint: passportNumber === null ? null : passportNumberHint(passportNumber),
    };
  }

  private async checkConsultant(
    manager: EntityManager,
    consultantId: string,
    errors: FieldErrors,
  ): Promise<void> {
    if (!(await this.users.findActiveConsultant(consultantId, manager))) {
      addFieldError(errors, 'consultantId', 'consultantId must be an active consultant or admin');
    }
  }
}
