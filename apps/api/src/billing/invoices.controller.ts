import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_STAFF, CurrentStaff, Roles, scopeOfStaff, StaffRole, type StaffUser } from '@app/auth';
import { InvoicePdfService, InvoicesService, PaymentsService } from '@app/billing';
import { WorkPermitFilesService } from '@app/work-permits';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import {
  CreateInvoiceDto,
  InvoicePdfQueryDto,
  ListInvoicesQueryDto,
  RecordPaymentDto,
  UpdateInvoiceDto,
  VoidInvoiceDto,
} from './dto/invoice.dto';
import { InvoiceListItemResponse, InvoiceResponse } from './dto/invoice.response';
import { sendInvoicePdf } from './send-invoice-pdf';

const WRITERS = [StaffRole.Admin, StaffRole.Consultant];

/** Invoices (CICC Code s.33): admins all, consultants on their files, assistants read. */
@ApiTags('billing')
@ApiStaffRoute()
@Controller()
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly payments: PaymentsService,
    private readonly pdfs: InvoicePdfService,
    private readonly files: WorkPermitFilesService,
  ) {}

  @Get('files/:id/invoices')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "List a file's invoices" })
  @ApiOkResponse({ type: PageResponse(InvoiceListItemResponse), description: 'Newest first' })
  @ApiErrors(400, [404, 'WORK_PERMIT_FILE_NOT_FOUND: no such file, or not one the caller may see'])
  async listOfFile(
    @UuidParam() fileId: string,
    @Query() query: ListInvoicesQueryDto,
    @CurrentStaff() staff: StaffUser,
  ) {
    await this.files.requireVisible(fileId, scopeOfStaff(staff));
    const page = await this.invoices.list({ ...query, fileId }, scopeOfStaff(staff));
    return { items: page.items.map((i) => InvoiceListItemResponse.from(i)), nextCursor: page.nextCursor };
  }

  @Post('files/:id/invoices')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Draft an invoice for a file' })
  @ApiCreatedResponse({ type: InvoiceResponse, description: "A draft, taxed by the client's province today" })
  @ApiErrors(400, [404, 'WORK_PERMIT_FILE_NOT_FOUND: no such file, or not one the caller may see'])
  async create(
    @UuidParam() fileId: string,
    @Body() dto: CreateInvoiceDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<InvoiceResponse> {
    return InvoiceResponse.from(await this.invoices.createDraft(fileId, dto, staff, scopeOfStaff(staff)));
  }

  @Get('invoices')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'List invoices' })
  @ApiOkResponse({ type: PageResponse(InvoiceListItemResponse), description: 'Newest first' })
  @ApiErrors(400)
  async list(@Query() query: ListInvoicesQueryDto, @CurrentStaff() staff: StaffUser) {
    const page = await this.invoices.list(query, scopeOfStaff(staff));
    return { items: page.items.map((i) => InvoiceListItemResponse.from(i)), nextCursor: page.nextCursor };
  }

  @Get('invoices/:id')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Get an invoice with its lines and payments' })
  @ApiOkResponse({ type: InvoiceResponse })
  @ApiErrors(400, [404, 'INVOICE_NOT_FOUND: no such invoice, or not one the caller may see'])
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<InvoiceResponse> {
    return InvoiceResponse.from(await this.invoices.require(id, scopeOfStaff(staff)));
  }

  @Get('invoices/:id/pdf')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'Download an invoice as a PDF in the client’s language (drafts marked DRAFT, without a number); audited',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, as an attachment' })
  @ApiErrors(400, [404, 'INVOICE_NOT_FOUND: no such invoice, or not one the caller may see'])
  async pdf(
    @UuidParam() id: string,
    @Query() query: InvoicePdfQueryDto,
    @CurrentStaff() staff: StaffUser,
    @Res() res: Response,
  ): Promise<void> {
    sendInvoicePdf(res, await this.pdfs.forStaff(id, staff, scopeOfStaff(staff), query.lang));
  }

  @Patch('invoices/:id')
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Change a draft invoice' })
  @ApiOkResponse({ type: InvoiceResponse })
  @ApiErrors(
    400,
    [404, 'INVOICE_NOT_FOUND: no such invoice, or not one the caller may see'],
    [409, 'INVOICE_NOT_DRAFT: an issued invoice is never changed'],
  )
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateInvoiceDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<InvoiceResponse> {
    return InvoiceResponse.from(await this.invoices.updateDraft(id, dto, staff, scopeOfStaff(staff)));
  }

  @Post('invoices/:id/issue')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({
    summary: 'Issue a draft: number it (INV-<year>-<nnnnn>) and fix its date, taxes and tax numbers',
  })
  @ApiOkResponse({ type: InvoiceResponse })
  @ApiErrors(
    400,
    [404, 'INVOICE_NOT_FOUND: no such invoice, or not one the caller may see'],
    [
      409,
      'INVOICE_NOT_DRAFT (already issued or void), INVOICE_TAX_NUMBER_MISSING (the firm has no GST/HST or QST number), or INVOICE_ZERO_RATING_UNCONFIRMED',
    ],
  )
  async issue(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<InvoiceResponse> {
    return InvoiceResponse.from(await this.invoices.issue(id, staff, scopeOfStaff(staff)));
  }

  @Post('invoices/:id/void')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Void a draft, or an issued invoice with no payment' })
  @ApiOkResponse({ type: InvoiceResponse })
  @ApiErrors(
    400,
    [404, 'INVOICE_NOT_FOUND: no such invoice, or not one the caller may see'],
    [409, 'INVOICE_NOT_VOIDABLE: already void, or payments were made'],
  )
  async void(
    @UuidParam() id: string,
    @Body() dto: VoidInvoiceDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<InvoiceResponse> {
    return InvoiceResponse.from(await this.invoices.void(id, dto.reason, staff, scopeOfStaff(staff)));
  }

  @Post('invoices/:id/payments')
  @HttpCode(200)
  @Roles(...WRITERS)
  @ApiOperation({ summary: 'Record a payment; the client gets a receipt by email' })
  @ApiOkResponse({ type: InvoiceResponse, description: 'The invoice after the payment' })
  @ApiErrors(
    400,
    [404, 'INVOICE_NOT_FOUND: no such invoice, or not one the caller may see'],
    [
      409,
      'INVOICE_NOT_PAYABLE (draft, void or paid), INVOICE_OVERPAYMENT (more than owing), or CLIENT_ACCOUNT_INSUFFICIENT_BALANCE',
    ],
  )
  async pay(
    @UuidParam() id: string,
    @Body() dto: RecordPaymentDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<InvoiceResponse> {
    return InvoiceResponse.from(await this.payments.record(id, dto, staff, scopeOfStaff(staff)));
  }
}
