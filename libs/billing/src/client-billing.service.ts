import { Injectable } from '@nestjs/common';
import type { Page } from '@app/shared';
import { ClientAccountsRepository } from './client-accounts.repository';
import type { ClientAccountEntryEntity } from './entities/client-account-entry.entity';
import type { PaymentEntity } from './entities/payment.entity';
import type { InvoiceListItem } from './invoice-rows';
import { InvoicesRepository } from './invoices.repository';

/** One of the client's invoices as the portal shows it, with the payments (receipts) made on it. */
export interface ClientInvoiceView extends InvoiceListItem {
  payments: PaymentEntity[];
}

export interface ClientAccountOfClient {
  balanceCents: number;
  entries: Page<ClientAccountEntryEntity>;
}

/**
 * What a client sees of their own billing in the portal, read only: their invoices (never drafts) with receipts,
 * and their client (trust) account. Every statement filters by the signed-in client's id.
 */
@Injectable()
export class ClientBillingService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly accounts: ClientAccountsRepository,
  ) {}

  async invoicesOf(clientId: string): Promise<ClientInvoiceView[]> {
    const { invoices, payments } = await this.invoices.listOfClient(clientId);
    return invoices.map((invoice) => ({
      ...invoice,
      payments: payments.filter((p) => p.invoiceId === invoice.id),
    }));
  }

  async accountOf(
    clientId: string,
    page: { limit: number; cursor?: string },
  ): Promise<ClientAccountOfClient> {
    const [balanceCents, entries] = await Promise.all([
      this.accounts.balanceOf(clientId),
      this.accounts.entries(clientId, page),
    ]);
    return { balanceCents, entries };
  }
}
