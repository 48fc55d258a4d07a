import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { ClientsModule } from '@app/clients';
import { DocumentsModule } from '@app/documents';
import { FirmModule } from '@app/firm';
import { NotificationsModule } from '@app/notifications';
import { PortalAccountEntity } from './entities/portal-account.entity';
import { PortalSessionEntity } from './entities/portal-session.entity';
import { PortalSignInLinkEntity } from './entities/portal-sign-in-link.entity';
import { PortalDocumentNotices } from './portal-document-notices';
import { PortalAuthGuard } from './portal-auth.guard';
import { PortalAuthRepository } from './portal-auth.repository';
import { PortalAuthService } from './portal-auth.service';
import { PortalDocumentsService } from './portal-documents.service';
import { PortalViewRepository } from './portal-view.repository';
import { PortalViewService } from './portal-view.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PortalAccountEntity, PortalSignInLinkEntity, PortalSessionEntity]),
    AuditModule,
    ClientsModule,
    DocumentsModule,
    FirmModule,
    NotificationsModule,
  ],
  providers: [
    PortalAuthRepository,
    PortalAuthService,
    PortalViewRepository,
    PortalViewService,
    PortalDocumentsService,
    PortalAuthGuard,
    PortalDocumentNotices,
  ],
  exports: [PortalAuthService, PortalViewService, PortalDocumentsService, PortalAuthGuard],
})
export class PortalModule {}
