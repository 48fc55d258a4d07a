import { Injectable } from '@nestjs/common';
import type { StaffUser } from '@app/auth';
import {
  AccountMethod,
  ClientAccountsService,
  InvoiceLineKind,
  InvoicesService,
  PaymentMethod,
  PaymentsService,
  governmentFeesOn,
  type InvoiceLineInput,
} from '@app/billing';
import { ALL_RECORDS } from '@app/shared';

/**
 * What the demo client's billing holds, in cents. Her agreement's flat fee ($2,400, half on signing) is billed
 * rather than a fee schedule service: her open work permit matches none of the example services.
 */
export const DEMO_BILLING = {
  depositCents: 100_000,
  paidFromAccountCents: 60_000,
  onSigningFeeCents: 120_000,
  /** The invoice is taxed where she lives (BC: GST 5%); the IRCC fee, a disbursement, never is. */
  province: 'BC',
} as const;

/**
 * The demo client's billing through the real services: an advance payment into her client account, an issued
 * invoice (half the fee plus the IRCC work permit fee) partly paid from that account, and a draft for the other
 * half, which the portal does not show.
 */
@Injectable()
export class DemoClientBillingService {
  constructor(
    private readonly accounts: ClientAccountsService,
    private readonly invoices: InvoicesService,
    private readonly payments: PaymentsService,
  ) {}

  async prepare(clientId: string, fileId: string, consultant: StaffUser): Promise<void> {
    const today = this.invoices.today();
    await this.accounts.deposit(
      clientId,
      {
        amountCents: DEMO_BILLING.depositCents,
        receivedOn: today,
        method: AccountMethod.ETransfer,
        reference: 'Advance on signing',
      },
      consultant,
      ALL_RECORDS,
    );
    const workPermitFee = governmentFeesOn(today).find((fee) => fee.key === 'work_permit')!;
    const fee = (label: string): InvoiceLineInput => ({
      kind: InvoiceLineKind.ProfessionalFee,
      description: `Work permit application: ${label}`,
      quantity: 1,
      unitCents: DEMO_BILLING.onSigningFeeCents,
    });
    const draft = await this.invoices.createDraft(
      fileId,
      {
        province: DEMO_BILLING.province,
        lines: [
          fee('50% on signing the agreement'),
          {
            kind: InvoiceLineKind.Disbursement,
            description: `IRCC ${workPermitFee.name.toLowerCase()}`,
            quantity: 1,
            unitCents: workPermitFee.cents,
          },
        ],
      },
      consultant,
      ALL_RECORDS,
    );
    await this.invoices.issue(draft.invoice.id, consultant, ALL_RECORDS);
    await this.payments.record(
      draft.invoice.id,
      {
        amountCents: DEMO_BILLING.paidFromAccountCents,
        method: PaymentMethod.ClientAccount,
        receivedOn: today,
      },
      consultant,
      ALL_RECORDS,
    );
    await this.invoices.createDraft(
      fileId,
      { province: DEMO_BILLING.province, lines: [fee('50% before the application is submitted')] },
      consultant,
      ALL_RECORDS,
    );
  }
}
