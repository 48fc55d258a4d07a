import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { UsersModule } from '@app/auth';
import { BillingModule } from '@app/billing';
import { ClientsModule } from '@app/clients';
import { DocumentsModule } from '@app/documents';
import { FirmModule } from '@app/firm';
import { NotificationsModule } from '@app/notifications';
import { WorkPermitsModule } from '@app/work-permits';
import { AgreementFeeTerms } from './agreement-fee-terms';
import { AgreementGate } from './agreement-gate';
import { AgreementSignaturesService } from './agreement-signatures.service';
import { AgreementTemplatesService } from './agreement-templates.service';
import { AgreementsRepository } from './agreements.repository';
import { AgreementsService } from './agreements.service';
import { AgreementOverrideEntity } from './entities/agreement-override.entity';
import { AgreementPreconditionsEntity } from './entities/agreement-preconditions.entity';
import { AgreementTemplateEntity } from './entities/agreement-template.entity';
import { AgreementEntity } from './entities/agreement.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AgreementEntity,
      AgreementTemplateEntity,
      AgreementPreconditionsEntity,
      AgreementOverrideEntity,
    ]),
    AuditModule,
    UsersModule,
    BillingModule,
    ClientsModule,
    DocumentsModule,
    FirmModule,
    NotificationsModule,
    WorkPermitsModule,
  ],
  providers: [
    AgreementFeeTerms,
    AgreementsRepository,
    AgreementsService,
    AgreementSignaturesService,
    AgreementTemplatesService,
    AgreementGate,
  ],
  exports: [AgreementsService, AgreementSignaturesService, AgreementTemplatesService],
})
export class AgreementsModule {}
