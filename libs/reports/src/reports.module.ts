import { Module } from '@nestjs/common';
import { ReportsService } from './reports.service';

/** Caseload reports (DataSource, ReferenceDataService, AppConfig and Clock are global). */
@Module({
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
