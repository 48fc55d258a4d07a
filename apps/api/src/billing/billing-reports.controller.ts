import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_STAFF, CurrentStaff, Roles, scopeOfStaff, type StaffUser } from '@app/auth';
import {
  BILLING_REPORT_SECTIONS,
  billingReportCsv,
  BillingReportsService,
  trustReconciliationCsv,
  type BillingReport,
  type TrustReconciliation,
} from '@app/billing';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

/** The firm's money: revenue, collections, receivables and client accounts, as JSON or one table as CSV. */
@ApiTags('reports')
@ApiStaffRoute()
@Controller('reports')
export class BillingReportsController {
  constructor(private readonly reports: BillingReportsService) {}

  @Get('billing')
  @Roles(...ALL_STAFF)
  @ApiQuery({ name: 'year', required: false, description: 'Year of issue and payment; default this year' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiQuery({
    name: 'section',
    required: false,
    enum: BILLING_REPORT_SECTIONS,
    description: 'The table a CSV holds (required with format=csv)',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Revenue by month and stream (fees, tax, disbursements apart), billed vs collected by month, aged ' +
      'receivables (0–30, 31–60, 61–90, 90+ days) and client account balances; within the caller’s scope',
  })
  @ApiOperation({ summary: 'Get the billing report' })
  @ApiErrors(400)
  async billing(
    @Query() query: Record<string, unknown>,
    @CurrentStaff() staff: StaffUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BillingReport | string> {
    const params = this.reports.parseQuery(query);
    const report = await this.reports.report(params.year, scopeOfStaff(staff));
    if (params.format !== 'csv' || params.section === undefined) {
      return report;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="billing-${params.section}-${params.year}.csv"`,
    );
    return billingReportCsv(report, params.section);
  }

  @Get('client-accounts')
  @Roles(...ALL_STAFF)
  @ApiQuery({ name: 'month', required: false, description: 'YYYY-MM; default this month' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description:
      'Client account (trust) reconciliation for a month: per client the opening balance, deposits, transfers ' +
      'to invoices, refunds and closing balance from the ledger, against the balance the account records',
  })
  @ApiOperation({ summary: 'Reconcile the client accounts for a month' })
  @ApiErrors(400)
  async clientAccounts(
    @Query() query: Record<string, unknown>,
    @CurrentStaff() staff: StaffUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TrustReconciliation | string> {
    const params = this.reports.parseReconciliationQuery(query);
    const report = await this.reports.reconciliation(params.month, scopeOfStaff(staff));
    if (params.format !== 'csv') {
      return report;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="client-accounts-${params.month}.csv"`);
    return trustReconciliationCsv(report);
  }
}
