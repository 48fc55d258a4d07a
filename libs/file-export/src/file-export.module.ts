import { Module } from '@nestjs/common';
import { AgreementsModule } from '@app/agreements';
import { AuditModule } from '@app/audit';
import { BillingModule } from '@app/billing';
import { ClientsModule } from '@app/clients';
import { DocumentsModule } from '@app/documents';
import { IntakeModule } from '@app/intake';
import { WorkPermitsModule } from '@app/work-permits';
import { FileExportService } from './file-export.service';

@Module({
  imports: [
    AgreementsModule,
    AuditModule,
    BillingModule,
    ClientsModule,
    DocumentsModule,
    IntakeModule,
    WorkPermitsModule,
  ],
  providers: [FileExportService],
  exports: [FileExportService],
})
export class FileExportModule {}
