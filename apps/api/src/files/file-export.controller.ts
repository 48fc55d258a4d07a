import { pipeline } from 'node:stream/promises';
import { Controller, Get, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentStaff, Roles, scopeOfStaff, StaffRole, type StaffUser } from '@app/auth';
import { attachmentDisposition } from '@app/documents';
import { FileExportService } from '@app/file-export';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

/** A whole file as one ZIP: for the client at the end of a mandate, or the regulator on request. */
@ApiTags('files')
@ApiStaffRoute()
@Controller('files')
export class FileExportController {
  private readonly logger = new Logger('FileExport');

  constructor(private readonly exports: FileExportService) {}

  @Get(':id/export')
  // Every document of the file, passport scans included, in one download: the file's consultant and admins only.
  @Roles(StaffRole.Admin, StaffRole.Consultant)
  @ApiOperation({
    summary:
      "Download a file's archive: records, timeline, documents (decrypted), agreements and invoices, as a ZIP",
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The ZIP, streamed; the export and each document read are audited' })
  @ApiErrors(
    [400, 'VALIDATION_FAILED: id is not a UUID'],
    [404, 'No such file, or not one the caller may see'],
  )
  async export(
    @UuidParam() id: string,
    @CurrentStaff() staff: StaffUser,
    @Res() res: Response,
  ): Promise<void> {
    const archive = await this.exports.export(id, staff, scopeOfStaff(staff));
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', attachmentDisposition(archive.fileName));
    res.setHeader('Cache-Control', 'private, no-store');
    try {
      await pipeline(archive.stream, res);
    } catch (error) {
      // Headers are gone: the connection is cut, so the client sees an incomplete download, never a whole-looking one.
      this.logger.warn({ fileId: id, reason: (error as Error).message }, 'File export ended early');
    }
  }
}
