import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { Clock, throwIfFieldErrors, ValidationFailedError } from '@app/shared';
import { ClientError } from './clients.errors';
import { ClientsRepository, type NewProspect } from './clients.repository';
import { ClientEntity, PreferredLanguage, StatusInCanada } from './entities/client.entity';
import { todayIn } from './rules/calendar-date';
import { NAME_MAX_LENGTH, normalizeClientFields } from './rules/client-fields';
import { splitFullName } from './rules/person-name';

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

/** Prospects: the people public bookings bring in, before a consultant takes them on. */
@Injectable()
export class ClientProspectsService {
  constructor(
    private readonly repository: ClientsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * For public bookings, inside the caller's transaction: the active client with this email (any case), or a
   * new prospect (no consultant). Safe under concurrent bookings with the same email: the insert yields to the
   * partial unique index and the row that won is returned.
   */
  async findOrCreateByEmail(manager: EntityManager, input: ProspectInput): Promise<ClientEntity> {
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
    const { values, errors } = normalizeClientFields(
      { phone: input.phone, preferredLanguage: input.preferredLanguage },
      { creating: false, today: todayIn(this.config.firmTimeZone, this.clock.now()) },
    );
    if (firstName === '' || firstName.length > NAME_MAX_LENGTH || lastName.length > NAME_MAX_LENGTH) {
      errors.name = [`name must be 1 to ${NAME_MAX_LENGTH} characters`];
    }
    throwIfFieldErrors(errors);
    const prospect: NewProspect = {
      firstName,
      lastName,
      email,
      phone: values.phone ?? null,
      statusInCanada: StatusInCanada.None,
      preferredLanguage: values.preferredLanguage ?? PreferredLanguage.En,
    };
    // ON CONFLICT DO NOTHING: a concurrent booking with the same email waits for ours, then finds our row.
    const created = await this.repository.insertProspectUnlessEmailTaken(prospect, manager);
    if (!created) {
      const winner = await this.repository.findActiveByEmail(email, manager);
      if (!winner) {
        throw ClientError.emailTaken(email);
      }
      return winner;
    }
    await this.audit.record(manager, {
      actorId: null,
      action: 'client.created',
      subjectType: 'client',
      subjectId: created.id,
      clientId: created.id,
      changes: { ...prospect, consultantId: null, isProspect: true },
    });
    return created;
  }
}
