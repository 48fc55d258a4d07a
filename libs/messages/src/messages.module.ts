import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { UsersModule } from '@app/auth';
import { ClientsModule } from '@app/clients';
import { FirmModule } from '@app/firm';
import { NotificationsModule } from '@app/notifications';
import { WorkPermitsModule } from '@app/work-permits';
import { FileMessageReadEntity } from './entities/file-message-read.entity';
import { FileMessageEntity } from './entities/file-message.entity';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([FileMessageEntity, FileMessageReadEntity]),
    AuditModule,
    UsersModule,
    ClientsModule,
    FirmModule,
    NotificationsModule,
    WorkPermitsModule,
  ],
  providers: [MessagesRepository, MessagesService],
  exports: [MessagesService],
})
export class MessagesModule {}
