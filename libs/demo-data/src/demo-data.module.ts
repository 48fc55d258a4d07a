import { Module } from '@nestjs/common';
import { AgreementsModule } from '@app/agreements';
import { AuthModule } from '@app/auth';
import { BillingModule } from '@app/billing';
import { ClientsModule } from '@app/clients';
import { ConsultationsModule } from '@app/consultations';
import { DocumentsModule } from '@app/documents';
import { FirmModule } from '@app/firm';
import { IntakeModule } from '@app/intake';
import { PortalModule } from '@app/portal';
import { WorkPermitsModule } from '@app/work-permits';
import { DemoClientBillingService } from './demo-client-billing.service';
import { DemoDataService } from './demo-data.service';
import { DemoPortalClientService } from './demo-portal-client.service';

@Module({
  imports: [
    AgreementsModule,
    AuthModule,
    BillingModule,
    ClientsModule,
    WorkPermitsModule,
    ConsultationsModule,
    DocumentsModule,
    FirmModule,
    IntakeModule,
    PortalModule,
  ],
  providers: [DemoDataService, DemoPortalClientService, DemoClientBillingService],
  exports: [DemoDataService, DemoPortalClientService],
})
export class DemoDataModule {}
