import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { ClientsService } from '@app/clients';
import type { Page, StaffScope } from '@app/shared';
import { BillingError } from './billing.errors';
import { ClientAccountsRepository } from './client-accounts.repository';
import {
  AccountEntryKind,
  AccountMethod,
  type ClientAccountEntryEntity,
} from './entities/client-account-entry.entity';

export interface AccountMovementInput {
  amountCents: number;
  receivedOn: string;
  method: Exclude<AccountMethod, AccountMethod.Invoice>;
  reference?: string | null;
}

export interface ClientAccountView {
  clientId: string;
  balanceCents: number;
  entries: Page<ClientAccountEntryEntity>;
}

/**
 * A client's trust account (CICC Code s.32): advance payments held for the client until earned. Deposits add;
 * transfers to the firm's invoices and refunds take away; the balance never goes below zero, which PostgreSQL
 * enforces (CHECK on the balance row, changed in the entry's transaction).
 */
@Injectable()
export class ClientAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: ClientAccountsRepository,
    private readonly clients: ClientsService,
    private readonly audit: AuditService,
  ) {}

  async view(
    clientId: string,
    page: { limit: number; cursor?: string },
    scope: StaffScope,
  ): Promise<ClientAccountView> {
    await this.clients.requireVisible(clientId, scope);
    const [balanceCents, entries] = await Promise.all([
      this.accounts.balanceOf(clientId),
      this.accounts.entries(clientId, page),
    ]);
    return { clientId, balanceCents, entries };
  }

  async deposit(
    clientId: string,
    input: AccountMovementInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<ClientAccountEntryEntity> {
    await this.clients.requireVisible(clientId, scope);
    return this.dataSource.transaction(async (manager) => {
      const balance = await this.accounts.credit(clientId, input.amountCents, manager);
      return this.record(manager, clientId, AccountEntryKind.Deposit, input, balance, null, actor);
    });
  }

  async refund(
    clientId: string,
    input: AccountMovementInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<ClientAccountEntryEntity> {
    await this.clients.requireVisible(clientId, scope);
    return this.dataSource.transaction(async (manager) => {
      const balance = await this.accounts.debit(clientId, input.amountCents, manager);
      if (balance === null) {
        throw BillingError.insufficientBalance(input.amountCents);
      }
      return this.record(manager, clientId, AccountEntryKind.Refund, input, balance, null, actor);
    });
  }

  /** Moves money from the account to an invoice, in the payment's transaction. */
  async transferToInvoice(
    manager: EntityManager,
    clientId: string,
    invoice: { id: string; number: string | null },
    input: { amountCents: number; receivedOn: string; reference?: string | null },
    actor: StaffUser,
  ): Promise<ClientAccountEntryEntity> {
    const balance = await this.accounts.debit(clientId, input.amountCents, manager);
    if (balance === null) {
      throw BillingError.insufficientBalance(input.amountCents);
    }
    return this.record(
      manager,
      clientId,
      AccountEntryKind.Transfer,
      { ...input, method: AccountMethod.Invoice },
      balance,
      invoice,
      actor,
    );
  }

  private async record(
    manager: EntityManager,
    clientId: string,
    kind: AccountEntryKind,
    input: { amountCents: number; receivedOn: string; method: AccountMethod; reference?: string | null },
    balanceAfterCents: number,
    invoice: { id: string; number: string | null } | null,
    actor: StaffUser,
  ): Promise<ClientAccountEntryEntity> {
    const entry = await this.accounts.insertEntry(
      {
        clientId,
        kind,
        amountCents: kind === AccountEntryKind.Deposit ? input.amountCents : -input.amountCents,
        balanceAfterCents,
        method: input.method,
        receivedOn: input.receivedOn,
        reference: input.reference ?? null,
        invoiceId: invoice?.id ?? null,
        recordedById: actor.id,
      },
      manager,
    );
    await this.audit.record(manager, {
      actorId: actor.id,
      action: `client_account.${kind}`,
      subjectType: 'client_account_entry',
      subjectId: entry.id,
      clientId,
      changes: {
        amountCents: input.amountCents,
        method: input.method,
        balanceAfterCents,
        ...(invoice ? { invoiceNumber: invoice.number } : {}),
      },
    });
    return entry;
  }
}
