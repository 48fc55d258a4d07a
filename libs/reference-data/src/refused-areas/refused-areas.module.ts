import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { RefusedAreaListEntity } from './refused-area-list.entity';
import { RefusedAreaListsRepository } from './refused-area-lists.repository';
import { RefusedAreasService } from './refused-areas.service';

/** The stored refused-CMA lists (needs the database, unlike the rest of the reference data). */
@Module({
  imports: [TypeOrmModule.forFeature([RefusedAreaListEntity]), AuditModule],
  providers: [RefusedAreasService, RefusedAreaListsRepository],
  exports: [RefusedAreasService],
})
export class RefusedAreasModule {}
