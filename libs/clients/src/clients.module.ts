import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { UsersModule } from '@app/auth';
import { ClientPassportNumbersService } from './client-passport-numbers.service';
import { ClientProspectsService } from './client-prospects.service';
import { ClientStatusListeners } from './client-status-listeners';
import { ClientsRepository } from './clients.repository';
import { ClientsService } from './clients.service';
import { ClientEntity } from './entities/client.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ClientEntity]), AuditModule, UsersModule],
  providers: [
    ClientsRepository,
    ClientPassportNumbersService,
    ClientProspectsService,
    ClientsService,
    ClientStatusListeners,
  ],
  exports: [ClientsService, ClientStatusListeners],
})
export class ClientsModule {}
