import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { lockUntilCommit } from '@app/database';
import { FirmProfileEntity } from './entities/firm-profile.entity';
import type { LogoContentType } from './rules/logo';

export const FIRM_PROFILE_ID = 1;

export interface FirmDetails {
  name: string | null;
  address: string | null;
  phone: string | null;
  publicEmail: string | null;
}

export interface StoredLogo {
  bytes: Buffer;
  contentType: LogoContentType;
  updatedAt: Date;
}

/** Every query of the firm profile's single row. */
@Injectable()
export class FirmProfileRepository {
  constructor(
    @InjectRepository(FirmProfileEntity) private readonly profiles: Repository<FirmProfileEntity>,
  ) {}

  /** The row without the logo's bytes, or null before an admin first saves. */
  find(manager: EntityManager = this.profiles.manager): Promise<FirmProfileEntity | null> {
    return manager.findOneBy(FirmProfileEntity, { id: FIRM_PROFILE_ID });
  }

  async findLogo(): Promise<StoredLogo | null> {
    const row = await this.profiles
      .createQueryBuilder('f')
      .addSelect('f.logo')
      .where('f.id = :id', { id: FIRM_PROFILE_ID })
      .andWhere('f.logo IS NOT NULL')
      .getOne();
    return row?.logo && row.logoContentType && row.logoUpdatedAt
      ? { bytes: row.logo, contentType: row.logoContentType, updatedAt: row.logoUpdatedAt }
      : null;
  }

  /** Locks the row (or the absence of it) for a change: concurrent saves apply one after the other. */
  async lock(manager: EntityManager): Promise<void> {
    await lockUntilCommit(manager, 'firm_profile');
  }

  async saveDetails(manager: EntityManager, details: FirmDetails, actorId: string): Promise<void> {
    await manager.upsert(FirmProfileEntity, { id: FIRM_PROFILE_ID, ...details, updatedById: actorId }, [
      'id',
    ]);
  }

  /** Sets (or, with null, removes) the logo. */
  async saveLogo(
    manager: EntityManager,
    logo: { bytes: Buffer; contentType: LogoContentType; at: Date } | null,
    actorId: string,
  ): Promise<void> {
    await manager.upsert(
      FirmProfileEntity,
      {
        id: FIRM_PROFILE_ID,
        logo: logo?.bytes ?? null,
        logoContentType: logo?.contentType ?? null,
        logoUpdatedAt: logo?.at ?? null,
        updatedById: actorId,
      },
      ['id'],
    );
  }
}
