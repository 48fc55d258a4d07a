import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, diffFields, type TimelineEvent } from '@app/audit';
import { StaffRole, UsersService, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { isUniqueViolation } from '@app/database';
import {
  addFieldError,
  Clock,
  type ReencryptProgress,
  type ReencryptResult,
  mergeFieldErrors,
  throwIfFieldErrors,
  type FieldErrors,
  type Page,
  type StaffScope,
} from '@app/shared';
import { ClientError, ClientErrorCode } from './clients.errors';
import type { ClientListItem } from './client-rows';
import { ClientPassportNumbersService, type StoredClientFields } from './client-passport-numbers.service';
import { ClientProspectsService, type ProspectInput } from './client-prospects.service';
import { ClientsRepository, type ListClientsQuery } from './clients.repository';
import { ClientEntity, PreferredLanguage, StatusInCanada } from './entities/client.entity';
import { todayIn } from './rules/calendar-date';
import {
  normalizeClientFields,
  type CreateClientInput,
  type NormalizedClientFields,
  type UpdateClientInput,
} from './rules/client-fields';
import {
  STATUS_DATE_FIELDS,
  statusDateApplies,
  statusDateProblems,
  type StatusDates,
} from './rules/status-in-canada';
import { ClientStatusListeners } from './client-status-listeners';

export type { ProspectInput } from './client-prospects.service';

const EMAIL_INDEX = 'uq_clients__email_active';

/** Audit-safe values: never the passport number, in clear or encrypted, only the fact that it changed. */
function auditable(fields: NormalizedClientFields): Record<string, unknown> {
  const { passportNumber, ...rest } = fields;
  return passportNumber === undefined ? rest : { ...rest, passportNumber: 'changed' };
}

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ClientsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly statusListeners: ClientStatusListeners,
    private readonly users: UsersService,
    private readonly passportNumbers: ClientPassportNumbersService,
    private readonly prospects: ClientProspectsService,
  ) {}

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
            ...this.passportNumbers.toStored(values),
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
      throw isUniqueViolation(error, EMAIL_INDEX) ? ClientError.emailTaken(values.email) : error;
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
          throw ClientError.notFound();
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
        const stored: StoredClientFields = { ...plain };
        if (passportNumber !== undefined && passportNumber !== this.passportNumbers.decrypt(client)) {
          changes.passportNumber = 'changed';
          Object.assign(stored, this.passportNumbers.toStored({ passportNumber }));
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
      throw isUniqueViolation(error, EMAIL_INDEX) ? ClientError.emailTaken(values.email) : error;
    }
  }

  /** Sets archivedAt; the client stays readable by id and their email may be used again. Assistants cannot. */
  async archive(id: string, actor: StaffUser, scope: StaffScope): Promise<void> {
    if (actor.role === StaffRole.Assistant) {
      throw ClientError.notFound();
    }
    await this.dataSource.transaction(async (manager) => {
      const client = await this.repository.findVisible(id, scope, manager);
      if (!client) {
        throw ClientError.notFound();
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
      throw ClientError.notFound();
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
  findOrCreateProspectByEmail(manager: EntityManager, input: ProspectInput): Promise<ClientEntity> {
    return this.prospects.findOrCreateByEmail(manager, input);
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
    return this.passportNumbers.reencryptAll(batchSize, onProgress);
  }

  /** The passport number in clear, for those who may see the client; null when none is on file. */
  decryptPassportNumber(client: ClientEntity): string | null {
    return this.passportNumbers.decrypt(client);
  }

  private normalize(input: UpdateClientInput, creating: boolean) {
    return normalizeClientFields(input, {
      creating,
      today: todayIn(this.config.firmTimeZone, this.clock.now()),
    });
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
