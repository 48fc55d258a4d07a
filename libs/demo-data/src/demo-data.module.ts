import { Module } from '@nestjs/common';
import { AgreementsModule } from '@app/agreements';
import { AuthModule } from '@app/auth';
import { ClientsModule } from '@app/clients';
import { ConsultationsModule } from '@app/consultations';
import { FirmModule } from '@app/firm';
import { WorkPermitsModule } from '@app/work-permits';
import { DemoDataService } from './demo-data.service';

@Module({
  imports: [AgreementsModule, AuthModule, ClientsModule, WorkPermitsModule, ConsultationsModule, FirmModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoDataModule {}
