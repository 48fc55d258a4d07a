import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { UsersModule } from '@app/auth';
import { ClientEntity, ClientsModule } from '@app/clients';
import { ReferenceDataModule } from '@app/reference-data';
import { DeadlinePeriodSettingsEntity } from './deadlines/deadline-period-settings.entity';
import { DeadlinePeriodSettingsRepository } from './deadlines/deadline-period-settings.repository';
import { DeadlinePeriodsService } from './deadlines/deadline-periods.service';
import { DeadlineEntity } from './deadlines/deadline.entity';
import { DeadlineEvents } from './deadlines/deadline-events';
import { DeadlinesRepository } from './deadlines/deadlines.repository';
import { DeadlineChangeLog } from './deadlines/deadline-change-log';
import { DeadlinesService } from './deadlines/deadlines.service';
import { DocumentDeadlineSync } from './deadlines/document-deadline-sync.service';
import { FileDeadlineSync } from './deadlines/file-deadline-sync.service';
import { FileNumberCounterEntity } from './entities/file-number-counter.entity';
import { WorkPermitFileEntity } from './entities/work-permit-file.entity';
import { FileTransitionChecks } from './file-transition-checks';
import { WorkPermitFilesRepository } from './work-permit-files.repository';
import { WorkPermitFilesService } from './work-permit-files.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      WorkPermitFileEntity,
      FileNumberCounterEntity,
      DeadlineEntity,
      DeadlinePeriodSettingsEntity,
      ClientEntity,
    ]),
    AuditModule,
    UsersModule,
    ClientsModule,
    ReferenceDataModule,
  ],
  providers: [
    DeadlinesService,
    DeadlinesRepository,
    DeadlineChangeLog,
    FileDeadlineSync,
    DocumentDeadlineSync,
    DeadlineEvents,
    DeadlinePeriodsService,
    DeadlinePeriodSettingsRepository,
    WorkPermitFilesRepository,
    WorkPermitFilesService,
    FileTransitionChecks,
  ],
  exports: [
    FileTransitionChecks,
    DeadlinesService,
    DeadlineEvents,
    DeadlinePeriodsService,
    WorkPermitFilesService,
    DocumentDeadlineSync,
  ],
})
export class WorkPermitsModule {}
