import { Controller, Get, Headers, HttpCode, Logger, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DocumentsService, FileChecklistsService } from '@app/documents';
import { PortalClient, PortalDocumentsService, PortalRoute } from '@app/portal';
import {
  ApiDocumentContent,
  sendDocumentContent,
  uploadDocumentToFile,
} from '../documents/document-transfer';
import { UPLOAD_SCHEMA } from '../documents/documents.controller';
import { ErrorResponse } from '../http/error.response';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiPortalRoute } from '../openapi/api-docs.decorators';
import {
  PortalChecklistResponse,
  PortalDocumentResponse,
  PortalUploadResponse,
} from './dto/portal-documents.response';

/**
 * The client's documents in the portal: a file's checklist as the client sees it, uploads against it and downloads
 * of their own documents. Stored, limited and encrypted as staff uploads are (the same service); every id is
 * looked up with the signed-in client in the query, so anyone else's record is a 404.
 */
@ApiTags('portal')
@Controller('portal')
@PortalRoute()
@ApiPortalRoute()
export class PortalDocumentsController {
  private readonly logger = new Logger('PortalDocuments');

  constructor(
    private readonly portalDocuments: PortalDocumentsService,
    private readonly documents: DocumentsService,
    private readonly checklists: FileChecklistsService,
  ) {}

  @Get('files/:id/checklist')
  @ApiOperation({
    summary:
      'The document checklist of one of the client’s files: each item in English and French, its status, and why ' +
      'a rejected document was refused; the client’s documents on the file',
  })
  @ApiOkResponse({ type: PortalChecklistResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED: id is not a UUID'],
    [404, 'PORTAL_FILE_NOT_FOUND: no such file of this client'],
  )
  async checklist(
    @PortalClient() clientId: string,
    @UuidParam() id: string,
  ): Promise<PortalChecklistResponse> {
    return PortalChecklistResponse.from(await this.portalDocuments.checklist(clientId, id));
  }

  @Post('files/:id/documents')
  @ApiOperation({
    summary:
      'Upload a document to one of the client’s files (a new version of its kind, awaiting the firm’s review); ' +
      'stored encrypted, recorded with the client as the uploader',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_SCHEMA })
  @ApiCreatedResponse({ type: PortalUploadResponse, description: 'Stored as the next version of its kind' })
  @ApiOkResponse({
    type: PortalUploadResponse,
    description: 'The same content is already on the file under this kind: that document, no new version',
  })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED: no file, an empty or cut-short file, two files, an unknown field, a bad date, or a kind ' +
        "that is neither a key of the file's checklist nor `other`",
    ],
    [404, 'PORTAL_FILE_NOT_FOUND: no such file of this client'],
    [413, 'DOCUMENT_TOO_LARGE: over DOCUMENT_MAX_BYTES'],
    [503, 'DOCUMENT_STORAGE_UNAVAILABLE: the document store cannot be reached; nothing was recorded'],
  )
  @ApiUnsupportedMediaTypeResponse({
    type: ErrorResponse,
    description:
      'DOCUMENT_TYPE_NOT_ALLOWED: the content is not PDF, JPEG, PNG, HEIC or DOCX (whatever its name)',
  })
  async upload(
    @PortalClient() clientId: string,
    @UuidParam() fileId: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PortalUploadResponse> {
    const { document, duplicate } = await uploadDocumentToFile(
      req,
      () => this.portalDocuments.requireFile(clientId, fileId),
      this.documents,
      this.checklists,
      { clientId },
    );
    res.status(duplicate ? 200 : 201);
    return { duplicate, document: PortalDocumentResponse.fromEntity(document) };
  }

  @Get('documents/:id/content')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'One of the client’s own documents as an attachment, whole or a byte range (the download is recorded)',
  })
  @ApiErrors(
    [400, 'VALIDATION_FAILED: id is not a UUID'],
    [404, 'DOCUMENT_NOT_FOUND: no such document of this client'],
  )
  @ApiDocumentContent()
  async content(
    @PortalClient() clientId: string,
    @UuidParam() id: string,
    @Headers('range') rangeHeader: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await sendDocumentContent(
      res,
      () => this.documents.openContentOfClient(id, rangeHeader, clientId),
      this.logger,
    );
  }
}
