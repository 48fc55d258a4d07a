import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Logger,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ALL_STAFF, CurrentStaff, Roles, type StaffUser } from '@app/auth';
import { DocumentReviewsService, DocumentsService, FileChecklistsService } from '@app/documents';
import { scopeOfStaff } from '@app/work-permits';
import { ErrorResponse } from '../http/error.response';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import { DocumentListQueryDto, ReviewDocumentDto } from './dto/document-review.dto';
import { DocumentResponse, DocumentUploadResponse } from './dto/document.response';
import { ApiDocumentContent, sendDocumentContent, uploadDocumentToFile } from './document-transfer';

export const UPLOAD_SCHEMA = {
  type: 'object',
  required: ['file', 'kind'],
  properties: {
    file: { type: 'string', format: 'binary', description: 'PDF, JPEG, PNG, HEIC or DOCX' },
    kind: { type: 'string', example: 'passport', description: 'A checklist item key, or `other`' },
    title: { type: 'string', maxLength: 200 },
    issuedOn: { type: 'string', format: 'date' },
    expiresOn: { type: 'string', format: 'date' },
  },
};

/** Documents of a work-permit file. Staff see the documents of the files they may see; others answer 404. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('files')
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such file, or not one the caller may see' })
export class FileDocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly reviews: DocumentReviewsService,
    private readonly checklists: FileChecklistsService,
  ) {}

  @Post(':id/documents')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary: 'Upload a document to a file (a new version of its kind); it is stored encrypted',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_SCHEMA })
  @ApiCreatedResponse({ type: DocumentUploadResponse, description: 'Stored as the next version of its kind' })
  @ApiOkResponse({
    type: DocumentUploadResponse,
    description: 'The same content is already on the file under this kind: that document, no new version',
  })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'VALIDATION_FAILED: no file, an empty or cut-short file, two files, an unknown field, a bad date, or a kind ' +
      "that is neither a key of the file's checklist nor `other`",
  })
  @ApiPayloadTooLargeResponse({
    type: ErrorResponse,
    description: 'DOCUMENT_TOO_LARGE: over DOCUMENT_MAX_BYTES',
  })
  @ApiUnsupportedMediaTypeResponse({
    type: ErrorResponse,
    description:
      'DOCUMENT_TYPE_NOT_ALLOWED: the content is not PDF, JPEG, PNG, HEIC or DOCX (whatever its name)',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorResponse,
    description: 'DOCUMENT_STORAGE_UNAVAILABLE: the document store cannot be reached; nothing was recorded',
  })
  async upload(
    @UuidParam() fileId: string,
    @CurrentStaff() staff: StaffUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentUploadResponse> {
    const { file, document, duplicate } = await uploadDocumentToFile(
      req,
      () => this.documents.requireFile(fileId, scopeOfStaff(staff)),
      this.documents,
      this.checklists,
      staff,
    );
    const suggestions = await this.documents.uploadSuggestions(file, document, scopeOfStaff(staff));
    res.status(duplicate ? 200 : 201);
    return {
      duplicate,
      document: DocumentResponse.from(document, await this.reviews.isLatest(document)),
      suggestions,
    };
  }

  @Get(':id/documents')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      "A file's documents, every version, newest first (each kind's newest version before older ones); " +
      'deleted ones are left out',
  })
  @ApiOkResponse({ type: PageResponse(DocumentResponse) })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED: a bad limit, cursor or kind',
  })
  async list(
    @UuidParam() fileId: string,
    @Query() query: DocumentListQueryDto,
    @CurrentStaff() staff: StaffUser,
  ) {
    const page = await this.reviews.listForFile(fileId, query, scopeOfStaff(staff));
    const latest = await this.reviews.latestAmong(page.items);
    return {
      items: page.items.map((d) => DocumentResponse.from(d, latest.has(d.id))),
      nextCursor: page.nextCursor,
    };
  }
}

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such document, or not one the caller may see' })
@ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED: id is not a UUID' })
export class DocumentsController {
  private readonly logger = new Logger('Documents');

  constructor(
    private readonly documents: DocumentsService,
    private readonly reviews: DocumentReviewsService,
  ) {}

  @Get(':id')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "A document's metadata (the access is recorded)" })
  @ApiOkResponse({ type: DocumentResponse })
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<DocumentResponse> {
    const document = await this.documents.view(id, staff, scopeOfStaff(staff));
    return DocumentResponse.from(document, await this.reviews.isLatest(document));
  }

  @Patch(':id')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'Accept or reject a document (a rejection needs a reason), or correct its title and dates (recorded with ' +
      'the changed fields)',
  })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'VALIDATION_FAILED: a rejection without a reason, a reason over 500 characters or without a status, a bad ' +
      'date or an expiry before the issue date, an unknown field',
  })
  async review(
    @UuidParam() id: string,
    @Body() dto: ReviewDocumentDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<DocumentResponse> {
    const document = await this.reviews.review(id, dto, staff, scopeOfStaff(staff));
    return DocumentResponse.from(document, await this.reviews.isLatest(document));
  }

  @Delete(':id')
  @Roles(...ALL_STAFF)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a document (admins): it leaves lists, checklists and downloads (recorded)',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: 'DOCUMENT_DELETE_FORBIDDEN: the caller may see the document but is not an admin',
  })
  async remove(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.reviews.remove(id, staff, scopeOfStaff(staff));
  }

  @Get(':id/content')
  @Roles(...ALL_STAFF)
  @HttpCode(200)
  @ApiOperation({
    summary: "A document's content as an attachment, whole or a byte range (the download is recorded)",
  })
  @ApiDocumentContent()
  async content(
    @UuidParam() id: string,
    @Headers('range') rangeHeader: string | undefined,
    @CurrentStaff() staff: StaffUser,
    @Res() res: Response,
  ): Promise<void> {
    await sendDocumentContent(
      res,
      () => this.documents.openContent(id, rangeHeader, staff, scopeOfStaff(staff)),
      this.logger,
    );
  }
}
