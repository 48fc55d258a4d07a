import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ClientsModule } from '@app/clients';
import { FirmModule } from '@app/firm';
import { NotificationsModule } from '@app/notifications';
import { WorkPermitsModule } from '@app/work-permits';
import { BillingSettingsService } from './billing-settings.service';
import { ClientAccountsRepository } from './client-accounts.repository';
import { ClientAccountsService } from './client-accounts.service';
import { ClientBillingService } from './client-billing.service';
import { BillingSettingsEntity } from './entities/billing-settings.entity';
import { ClientAccountEntryEntity } from './entities/client-account-entry.entity';
import { ClientAccountEntity } from './entities/client-account.entity';
import { FeeScheduleMilestoneEntity } from './entities/fee-schedule-milestone.entity';
import { FeeScheduleServiceEntity } from './entities/fee-schedule-service.entity';
import { InvoiceLineEntity } from './entities/invoice-line.entity';
import { InvoiceNumberCounterEntity } from './entities/invoice-number-counter.entity';
import { InvoiceEntity } from './entities/invoice.entity';
import { PaymentEntity } from './entities/payment.entity';
import { FeeScheduleRepository } from './fee-schedule/fee-schedule.repository';
import { FeeScheduleService } from './fee-schedule/fee-schedule.service';
import { InvoicesRepository } from './invoices.repository';
import { InvoicePdfService } from './invoice-pdf.service';
import { InvoicesService } from './invoices.service';
import { PaymentsService } from './payments.service';
import { BillingReportsRepository } from './reports/billing-reports.repository';
import { BillingReportsService } from './reports/billing-reports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      InvoiceEntity,
      InvoiceLineEntity,
      InvoiceNumberCounterEntity,
      PaymentEntity,
      ClientAccountEntity,
      ClientAccountEntryEntity,
      BillingSettingsEntity,
      FeeScheduleServiceEntity,
      FeeScheduleMilestoneEntity,
    ]),
    AuditModule,
    ClientsModule,
    FirmModule,
    NotificationsModule,
    WorkPermitsModule,
  ],
  providers: [
    InvoicesRepository,
    InvoicesService,
    InvoicePdfService,
    ClientBillingService,
    PaymentsService,
    ClientAccountsRepository,
    ClientAccountsService,
    BillingSettingsService,
    BillingReportsRepository,
    BillingReportsService,
    FeeScheduleRepository,
    FeeScheduleService,
  ],
  exports: [
    InvoicesService,
    InvoicePdfService,
    ClientBillingService,
    PaymentsService,
    ClientAccountsService,
    BillingSettingsService,
    BillingReportsService,
    FeeScheduleService,
  ],
})
export class BillingModule {}
