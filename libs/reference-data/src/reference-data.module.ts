import { Global, Module } from '@nestjs/common';
import { ReferenceDataService } from './reference-data.service';

/** Global: every feature that checks a code against IRCC's lists injects ReferenceDataService. */
@Global()
@Module({
  providers: [ReferenceDataService],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule {}
