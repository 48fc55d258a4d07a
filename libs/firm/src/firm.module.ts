import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { FirmProfileEntity } from './entities/firm-profile.entity';
import { FirmProfileRepository } from './firm-profile.repository';
import { FirmProfileService } from './firm-profile.service';

@Module({
  imports: [TypeOrmModule.forFeature([FirmProfileEntity]), AuditModule],
  providers: [FirmProfileRepository, FirmProfileService],
  exports: [FirmProfileService],
})
export class FirmModule {}
