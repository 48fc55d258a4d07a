import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ClientBillingService, InvoicePdfService } from '@app/billing';
import { PortalClient, PortalRoute } from '@app/portal';
import { InvoicePdfQueryDto } from '../billing/dto/invoice.dto';
import { sendInvoicePdf } from '../billing/send-invoice-pdf';
import { PageQueryDto } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiPortalRoute } from '../openapi/api-docs.decorators';
import {
  PortalAccountResponse,
  PortalInvoiceListResponse,
  PortalInvoiceResponse,
} from './dto/portal-billing.response';

/**
 * The client's billing in the portal, read only: their invoices with receipts and PDFs, and their client account.
 * Every read takes the signed-in client's id into its query, so another client's invoice is a 404.
 */
@ApiTags('portal')
@Controller('portal')
@PortalRoute()
@ApiPortalRoute()
export class PortalBillingController {
  constructor(
    private readonly billing: ClientBillingService,
    private readonly pdfs: InvoicePdfService,
  ) {}

  @Get('invoices')
  @ApiOperation({
    summary: 'The client’s invoices (never drafts), with what is paid, what is owing and receipts',
  })
  @ApiOkResponse({ type: PortalInvoiceListResponse })
  async invoices(@PortalClient() clientId: string): Promise<PortalInvoiceListResponse> {
    const invoices = await this.billing.invoicesOf(clientId);
    return { items: invoices.map((i) => PortalInvoiceResponse.from(i)), nextCursor: null };
  }

  @Get('invoices/:id/pdf')
  @ApiOperation({
    summary: 'One of the client’s invoices as a PDF, in their language unless `lang` says; audited',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, as an attachment' })
  @ApiErrors(400, [404, 'INVOICE_NOT_FOUND: no such invoice of this client (drafts included)'])
  async pdf(
    @PortalClient() clientId: string,
    @UuidParam() id: string,
    @Query() query: InvoicePdfQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    sendInvoicePdf(res, await this.pdfs.forClient(clientId, id, query.lang));
  }

  @Get('account')
  @ApiOperation({
    summary: 'The client’s account (advance payments held in trust): balance, deposits, transfers, refunds',
  })
  @ApiOkResponse({ type: PortalAccountResponse })
  @ApiErrors(400)
  async account(
    @PortalClient() clientId: string,
    @Query() query: PageQueryDto,
  ): Promise<PortalAccountResponse> {
    return PortalAccountResponse.from(await this.billing.accountOf(clientId, query));
  }
}
