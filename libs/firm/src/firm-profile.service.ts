import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { Clock, CommonErrorCode, DomainError, ValidationFailedError } from '@app/shared';
import { FirmProfileRepository, type FirmDetails, type StoredLogo } from './firm-profile.repository';
import { logoContentType, logoProblem, type LogoContentType } from './rules/logo';

export type { FirmDetails, StoredLogo };

/** The firm profile as staff and the public page read it (the logo's bytes are served on their own). */
export interface FirmProfile extends FirmDetails {
  logoContentType: LogoContentType | null;
  /** Null: no logo. */
  logoUpdatedAt: Date | null;
  /** Null while never saved. */
  updatedAt: Date | null;
}

export class FirmLogoNotFoundError extends DomainError<CommonErrorCode.NotFound> {
  constructor() {
    super(CommonErrorCode.NotFound, 'The firm has no logo');
  }
}

const SUBJECT_TYPE = 'firm_profile';
const SUBJECT_ID = '00000000-0000-0000-0000-000000000001';

const EMPTY: FirmProfile = {
  name: null,
  address: null,
  phone: null,
  publicEmail: null,
  logoContentType: null,
  logoUpdatedAt: null,
  updatedAt: null,
};

/** The firm's name, address, contact and logo: admins write them; the booking and sign-in pages show them. */
@Injectable()
export class FirmProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: FirmProfileRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<FirmProfile> {
    const row = await this.profiles.find();
    if (!row) {
      return { ...EMPTY };
    }
    return {
      name: row.name,
      address: row.address,
      phone: row.phone,
      publicEmail: row.publicEmail,
      logoContentType: row.logoContentType,
      logoUpdatedAt: row.logoUpdatedAt,
      updatedAt: row.updatedAt,
    };
  }

  /** Replaces the name, address, phone and public email (null clears one); audited. */
  async update(details: FirmDetails, actor: StaffUser): Promise<FirmProfile> {
    await this.dataSource.transaction(async (manager) => {
      await this.profiles.lock(manager);
      const before = await this.profiles.find(manager);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of ['name', 'address', 'phone', 'publicEmail'] as const) {
        const was = before?.[key] ?? null;
        if (was !== details[key]) {
          changes[key] = [was, details[key]];
        }
      }
      if (before && Object.keys(changes).length === 0) {
        return;
      }
      await this.profiles.saveDetails(manager, details, actor.id);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'firm_profile.updated',
        subjectType: SUBJECT_TYPE,
        subjectId: SUBJECT_ID,
        changes,
      });
    });
    return this.current();
  }

  /** Sets the logo: PNG or JPEG (known by its bytes), at most LOGO_MAX_BYTES; 400 on `logo` otherwise. */
  async setLogo(bytes: Buffer, actor: StaffUser): Promise<FirmProfile> {
    const problem = logoProblem(bytes);
    const contentType = logoContentType(bytes);
    if (problem || !contentType) {
      throw ValidationFailedError.field('logo', problem ?? 'logo must be a PNG or JPEG image');
    }
    await this.dataSource.transaction(async (manager) => {
      await this.profiles.lock(manager);
      await this.profiles.saveLogo(manager, { bytes, contentType, at: this.clock.now() }, actor.id);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'firm_profile.logo_changed',
        subjectType: SUBJECT_TYPE,
        subjectId: SUBJECT_ID,
        changes: { logo: { contentType, bytes: bytes.length } },
      });
    });
    return this.current();
  }

  async removeLogo(actor: StaffUser): Promise<FirmProfile> {
    await this.dataSource.transaction(async (manager) => {
      await this.profiles.lock(manager);
      await this.profiles.saveLogo(manager, null, actor.id);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'firm_profile.logo_removed',
        subjectType: SUBJECT_TYPE,
        subjectId: SUBJECT_ID,
      });
    });
    return this.current();
  }

  /** The logo's bytes and type; 404 when the firm has none. */
  async requireLogo(): Promise<StoredLogo> {
    const logo = await this.profiles.findLogo();
    if (!logo) {
      throw new FirmLogoNotFoundError();
    }
    return logo;
  }
}
