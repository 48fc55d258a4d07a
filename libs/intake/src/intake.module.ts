import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ClientsModule } from '@app/clients';
import { NotificationsModule } from '@app/notifications';
import { WorkPermitsModule } from '@app/work-permits';
import { IntakeResponseEntity } from './entities/intake-response.entity';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([IntakeResponseEntity]),
    AuditModule,
    ClientsModule,
    NotificationsModule,
    WorkPermitsModule,
  ],
  providers: [IntakeRepository, IntakeService],
  exports: [IntakeService],
})
export class IntakeModule {}
