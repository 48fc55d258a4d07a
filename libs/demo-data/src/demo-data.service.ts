import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AgreementsService } from '@app/agreements';
import { StaffRole, UsersService, type StaffUser, type UserEntity } from '@app/auth';
import { BillingSettingsService, FeeScheduleService } from '@app/billing';
import { ClientsService, PreferredLanguage, StatusInCanada, type ClientEntity } from '@app/clients';
import { AppConfig } from '@app/config';
import {
  AvailabilityService,
  ConsultationMode,
  ConsultationsService,
  ConsultationTypesService,
} from '@app/consultations';
import { FirmProfileService } from '@app/firm';
import { ALL_RECORDS, Clock } from '@app/shared';
import {
  ApplicationType,
  FileStatus,
  LmiaStatus,
  WorkPermitFilesService,
  WorkPermitStream,
  type OpenFileInput,
} from '@app/work-permits';
import {
  CITIZENSHIPS,
  DEMO_CONSULTATION_TOPICS,
  DEMO_CONSULTATION_TYPES,
  DEMO_FIRM_PROFILE,
  DEMO_PASSWORD,
  DEMO_STAFF,
  DEMO_TAX_NUMBERS,
  DEMO_WEEKLY_HOURS,
  EMPLOYERS,
  FIRST_NAMES,
  IMP_CODES,
  LAST_NAMES,
  LMIA_STREAMS,
  OCCUPATIONS,
  PROVINCES,
} from './demo-firm';
import { DemoClientBillingService } from './demo-client-billing.service';
import { DemoPortalClientService } from './demo-portal-client.service';

export interface DemoSummary {
  password: string;
  logins: { role: string; email: string }[];
  clients: number;
  files: number;
  consultations: number;
}

const CLIENTS = 40;

/** Why the demo files past intake may be there without a service agreement signed in PermitDesk. */
export const PAPER_AGREEMENT = 'Signed on paper before PermitDesk';
const FILES = 60;

/** The status path each demo file walks, by index: most are in progress, some decided, a few closed. */
const STATUS_PATHS: FileStatus[][] = [
  [],
  [FileStatus.Preparing],
  [FileStatus.Preparing, FileStatus.Submitted],
  [FileStatus.Preparing, FileStatus.Submitted, FileStatus.BiometricsRequested],
  [FileStatus.Preparing, FileStatus.Submitted, FileStatus.AdditionalInfoRequested],
  [FileStatus.Preparing, FileStatus.Submitted, FileStatus.Approved],
  [FileStatus.Preparing, FileStatus.Submitted],
  [FileStatus.Preparing, FileStatus.Submitted, FileStatus.Refused],
  [FileStatus.Preparing, FileStatus.Submitted, FileStatus.Approved, FileStatus.Closed],
  [FileStatus.Preparing],
];

/**
 * Loads a small, realistic firm into an empty database through the same services the API uses, so every
 * rule (validation, file numbers, deadlines, audit trail) applies to demo data too.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly users: UsersService,
    private readonly clients: ClientsService,
    private readonly files: WorkPermitFilesService,
    private readonly agreements: AgreementsService,
    private readonly feeSchedule: FeeScheduleService,
    private readonly billingSettings: BillingSettingsService,
    private readonly clientBilling: DemoClientBillingService,
    private readonly consultationTypes: ConsultationTypesService,
    private readonly availability: AvailabilityService,
    private readonly consultations: ConsultationsService,
    private readonly firm: FirmProfileService,
    private readonly portalClient: DemoPortalClientService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Loads the demo firm when the database has no clients yet; returns what it created, or null. */
  async loadIfEmpty(): Promise<DemoSummary | null> {
    if (await this.clients.hasAny()) {
      return null;
    }
    const started = Date.now();
    const staff = await this.createStaff();
    const admin = toStaff(staff[0]);
    await this.firm.update(DEMO_FIRM_PROFILE, admin);
    // Example services and amounts: each firm sets its own in Settings → Fee schedule.
    await this.feeSchedule.loadExamplesIfEmpty(admin);
    await this.billingSettings.update(DEMO_TAX_NUMBERS, admin);
    const consultants = staff.filter((u) => u.role === StaffRole.Consultant);
    const clients = await this.createClients(consultants, admin);
    const { created: files, firstFileId } = await this.createFiles(clients, admin);
    // The first client's first file (still at intake) is the one the demo portal shows, mid-way.
    const portalConsultant = consultants.find((u) => u.id === clients[0].consultantId) ?? staff[0];
    await this.portalClient.prepare(clients[0], firstFileId, admin, toStaff(portalConsultant));
    await this.clientBilling.prepare(clients[0].id, firstFileId, toStaff(portalConsultant));
    const consultations = await this.createConsultations(consultants, clients, admin);
    this.logger.log(
      `Loaded the demo firm (${clients.length} clients, ${files} files, ${consultations} consultations) in ${Date.now() - started} ms`,
    );
    return {
      password: DEMO_PASSWORD,
      logins: staff.map((u) => ({ role: u.role, email: u.email })),
      clients: clients.length,
      files,
      consultations,
    };
  }

  private async createStaff(): Promise<UserEntity[]> {
    const created: UserEntity[] = [];
    const taken = await this.users.findByEmails(DEMO_STAFF.map((p) => p.email));
    for (const person of DEMO_STAFF) {
      const existing = taken.find((u) => u.email.toLowerCase() === person.email);
      if (existing) {
        created.push(existing);
        continue;
      }
      created.push(
        await this.users.create({
          email: person.email,
          name: person.name,
          role: person.role as StaffRole,
          password: DEMO_PASSWORD,
          timezone: person.timezone,
          languages: [...person.languages],
          rcicLicenceNumber: 'rcicLicenceNumber' in person ? person.rcicLicenceNumber : null,
        }),
      );
    }
    return created;
  }

  private async createClients(consultants: UserEntity[], admin: StaffUser): Promise<ClientEntity[]> {
    const today = this.today();
    const clients: ClientEntity[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const first = FIRST_NAMES[i % FIRST_NAMES.length];
      const last = LAST_NAMES[i % LAST_NAMES.length];
      const status = [
        StatusInCanada.Student,
        StatusInCanada.Worker,
        StatusInCanada.Visitor,
        StatusInCanada.None,
      ][i % 4];
      const inCanada = status !== StatusInCanada.None;
      clients.push(
        await this.clients.create(
          {
            firstName: first,
            lastName: last,
            email: `${ascii(first)}.${ascii(last)}@example.com`,
            phone: inCanada
              ? `+1604555${String(1000 + i).padStart(4, '0')}`
              : `+4420794600${String(10 + i).padStart(2, '0')}`,
            dateOfBirth: today.minus({ years: 24 + (i % 20), days: i * 7 }).toISODate(),
            citizenship: CITIZENSHIPS[i % CITIZENSHIPS.length],
            countryOfResidence: inCanada ? 'CA' : CITIZENSHIPS[i % CITIZENSHIPS.length],
            statusInCanada: status,
            statusExpiresOn: inCanada ? today.plus({ days: 30 + i * 11 }).toISODate() : null,
            passportNumber: `${String.fromCharCode(65 + (i % 26))}${String(4000000 + i * 7919).slice(0, 7)}`,
            passportExpiresOn: today.plus({ years: 1 + (i % 8), days: i }).toISODate(),
            uci: i % 3 === 0 ? null : String(11000000 + i * 137),
            preferredLanguage: ['FR', 'BE'].includes(CITIZENSHIPS[i % CITIZENSHIPS.length])
              ? PreferredLanguage.Fr
              : PreferredLanguage.En,
            consultantId: consultants[i % consultants.length].id,
          },
          admin,
        ),
      );
    }
    return clients;
  }

  private async createFiles(
    clients: ClientEntity[],
    admin: StaffUser,
  ): Promise<{ created: number; firstFileId: string }> {
    const today = this.today();
    let created = 0;
    let firstFileId = '';
    for (let i = 0; i < FILES; i++) {
      const client = clients[i % clients.length];
      const occupation = OCCUPATIONS[i % OCCUPATIONS.length];
      const employer = EMPLOYERS[i % EMPLOYERS.length];
      const isImp = i % 5 < 3; // about 60% IMP, 40% TFWP
      const day = (n: number) => today.plus({ days: n }).toISODate();
      const input: OpenFileInput = {
        clientId: client.id,
        consultantId: client.consultantId,
        stream: isImp ? WorkPermitStream.Imp : WorkPermitStream.Tfwp,
        applicationType: [
          ApplicationType.Initial,
          ApplicationType.Extension,
          ApplicationType.ChangeOfConditions,
        ][i % 3],
        jobTitle: occupation.jobTitle,
        nocCode: occupation.nocCode,
        province: PROVINCES[i % PROVINCES.length],
        permitExpiresOn: day(10 + ((i * 37) % 400)),
        biometricsDueOn: i % 6 === 3 ? day(3 + (i % 20)) : null,
        medicalDueOn: i % 8 === 4 ? day(5 + (i % 25)) : null,
        pflResponseDueOn: i % 11 === 4 ? day(2 + (i % 9)) : null,
      };
      if (isImp) {
        const { code, permitType } = IMP_CODES[i % IMP_CODES.length];
        const open = code === 'C43' || code === 'C41' || permitType === 'open';
        input.imp = open
          ? { exemptionCode: code, ...(permitType ? { permitType } : {}) }
          : {
              exemptionCode: code,
              ...(permitType ? { permitType } : {}),
              offerOfEmploymentNumber: `A${String(1000000 + i * 7331).slice(0, 7)}`,
              complianceFeePaid: true,
            };
        input.employer = open ? null : employer;
      } else {
        const issued = today.minus({ days: 10 + (i % 90) });
        input.employer = employer;
        input.wage = { amount: 38 + (i % 30), period: 'hour' };
        input.tfwp = {
          lmiaStream: LMIA_STREAMS[Math.floor(i / 5) % LMIA_STREAMS.length],
          lmiaStatus: i % 4 === 0 ? LmiaStatus.Pending : LmiaStatus.Positive,
          ...(i % 4 === 0 ? {} : { lmiaNumber: String(8000000 + i * 211), lmiaIssuedOn: issued.toISODate() }),
        };
      }
      const file = await this.files.open(input, admin);
      firstFileId ||= file.id;
      const path = STATUS_PATHS[i % STATUS_PATHS.length];
      if (path.length > 0) {
        // Files past intake predate PermitDesk's service agreements (CICC Code s.24): their paper ones are noted.
        await this.agreements.recordOverride(file.id, PAPER_AGREEMENT, admin, ALL_RECORDS);
      }
      for (const to of path) {
        await this.files.transition(file.id, to, admin, ALL_RECORDS);
      }
      created += 1;
    }
    return { created, firstFileId };
  }

  /**
   * Consultation types, the consultants' weekly hours and a few booked consultations on the coming weekdays
   * (booked by the admin for existing clients, so each one also plans its client reminder).
   */
  private async createConsultations(
    consultants: UserEntity[],
    clients: ClientEntity[],
    admin: StaffUser,
  ): Promise<number> {
    const types = [];
    for (const type of DEMO_CONSULTATION_TYPES) {
      types.push(
        await this.consultationTypes.create(
          { ...type, mode: type.mode as ConsultationMode, active: true },
          admin,
        ),
      );
    }
    for (const consultant of consultants) {
      const weekly = DEMO_WEEKLY_HOURS[consultant.email.toLowerCase()];
      if (weekly) {
        await this.availability.replace(
          consultant.id,
          {
            timezone: consultant.timezone,
            weekly,
            bufferMinutes: 15,
            minNoticeHours: 24,
            maxDaysAhead: 60,
            slotIntervalMinutes: 30,
          },
          admin,
        );
      }
    }
    let booked = 0;
    for (let i = 0; i < DEMO_CONSULTATION_TOPICS.length; i++) {
      const consultant = consultants[i % consultants.length];
      const client = clients.find((c, index) => index >= i && c.consultantId === consultant.id);
      if (!client) {
        continue;
      }
      // Weekdays from the day after tomorrow on, each at its own hour (09:00, 10:00, ...) in the consultant's zone.
      let day = DateTime.fromJSDate(this.clock.now(), { zone: consultant.timezone })
        .startOf('day')
        .plus({ days: 2 + i });
      while (day.weekday > 5) {
        day = day.plus({ days: 1 });
      }
      const startsAt = day.set({ hour: 9 + i }).toJSDate();
      await this.consultations.create(
        {
          clientId: client.id,
          typeId: types[i % types.length].id,
          consultantId: consultant.id,
          startsAt,
          mode: [ConsultationMode.Video, ConsultationMode.Phone, ConsultationMode.InPerson][i % 3],
          topic: DEMO_CONSULTATION_TOPICS[i],
          timezone: consultant.timezone,
        },
        admin,
      );
      booked += 1;
    }
    return booked;
  }

  private today(): DateTime {
    return DateTime.fromJSDate(this.clock.now(), { zone: this.config.firmTimeZone }).startOf('day');
  }
}

function toStaff(user: UserEntity): StaffUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Email-safe letters: accents dropped, spaces and punctuation removed. */
function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
