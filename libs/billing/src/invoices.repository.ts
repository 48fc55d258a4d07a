import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { decodeKeysetCursor, SqlConditions, toPage, type Page, type StaffScope } from '@app/shared';
import { InvoiceLineEntity } from './entities/invoice-line.entity';
import { InvoiceEntity, type InvoiceStatus } from './entities/invoice.entity';
import { PaymentEntity } from './entities/payment.entity';
import {
  INVOICE_LIST_FROM,
  invoiceListItemFromRow,
  type InvoiceListItem,
  type InvoiceListRow,
} from './invoice-rows';

/** Who and what an invoice's PDF names: the file, the client and the file's consultant. */
export interface InvoiceParties {
  fileNumber: string;
  clientName: string;
  clientEmail: string | null;
  preferredLanguage: string;
  consultantName: string | null;
  consultantLicence: string | null;
}

export interface ListInvoicesQuery {
  limit: number;
  cursor?: string;
  status?: InvoiceStatus;
  clientId?: string;
  fileId?: string;
}

/** Every SQL statement on invoices, their lines and payments; scope is always part of the WHERE clause. */
@Injectable()
export class InvoicesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The invoice if the scope may see it (a consultant: invoices of files assigned to them). With a manager the
   * row stays locked until that transaction ends, so concurrent issues, payments and voids of one invoice queue.
   */
  async findVisible(id: string, scope: StaffScope, manager?: EntityManager): Promise<InvoiceEntity | null> {
    const m = manager ?? this.dataSource.manager;
    const where = new SqlConditions();
    where.add('i.id = $1', id);
    where.addScope('f.consultant_id', scope);
    const rows: { id: string }[] = await m.query(
      `SELECT i.id FROM invoices i JOIN work_permit_files f ON f.id = i.file_id${where.where()}${manager ? '\nFOR UPDATE OF i' : ''}`,
      where.params,
    );
    return rows.length === 0 ? null : m.findOneByOrFail(InvoiceEntity, { id });
  }

  /** The next number of the year, in the caller's transaction; the counter row stays locked until it ends. */
  async nextSequence(manager: EntityManager, year: number): Promise<number> {
    const rows: { last_value: number }[] = await manager.query(
      `INSERT INTO invoice_number_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = invoice_number_counters.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return Number(rows[0].last_value);
  }

  insert(values: Partial<InvoiceEntity>, manager: EntityManager): Promise<InvoiceEntity> {
    return manager.save(manager.create(InvoiceEntity, values));
  }

  async update(id: string, patch: Partial<InvoiceEntity>, manager: EntityManager): Promise<void> {
    await manager.update(InvoiceEntity, { id }, patch);
  }

  /** Replaces a draft's lines. */
  async replaceLines(
    invoiceId: string,
    lines: Omit<InvoiceLineEntity, 'id' | 'invoiceId' | 'invoice'>[],
    manager: EntityManager,
  ): Promise<void> {
    await manager.delete(InvoiceLineEntity, { invoiceId });
    await manager.insert(
      InvoiceLineEntity,
      lines.map((line) => ({ ...line, invoiceId })),
    );
  }

  linesOf(invoiceId: string, manager?: EntityManager): Promise<InvoiceLineEntity[]> {
    return (manager ?? this.dataSource.manager).find(InvoiceLineEntity, {
      where: { invoiceId },
      order: { position: 'ASC' },
    });
  }

  paymentsOf(invoiceId: string, manager?: EntityManager): Promise<PaymentEntity[]> {
    return (manager ?? this.dataSource.manager).find(PaymentEntity, {
      where: { invoiceId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Every invoice of a file (drafts and void ones too) with its lines and payments, in three statements. */
  async detailsOfFile(fileId: string): Promise<{
    invoices: InvoiceEntity[];
    lines: InvoiceLineEntity[];
    payments: PaymentEntity[];
  }> {
    const m = this.dataSource.manager;
    const invoices = await m.find(InvoiceEntity, {
      where: { fileId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const ids = invoices.map((i) => i.id);
    if (ids.length === 0) {
      return { invoices, lines: [], payments: [] };
    }
    const [lines, payments] = await Promise.all([
      m.find(InvoiceLineEntity, { where: { invoiceId: In(ids) }, order: { position: 'ASC' } }),
      m.find(PaymentEntity, { where: { invoiceId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    return { invoices, lines, payments };
  }

  insertPayment(values: Partial<PaymentEntity>, manager: EntityManager): Promise<PaymentEntity> {
    return manager.save(manager.create(PaymentEntity, values));
  }

  /** Newest first, by (created_at, id). */
  async list(query: ListInvoicesQuery, scope: StaffScope): Promise<Page<InvoiceListItem>> {
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
    const where = new SqlConditions();
    where.addScope('f.consultant_id', scope);
    if (query.status) {
      where.add('i.status = $1', query.status);
    }
    if (query.clientId) {
      where.add('i.client_id = $1', query.clientId);
    }
    if (query.fileId) {
      where.add('i.file_id = $1', query.fileId);
    }
    if (after) {
      where.add('(i.created_at, i.id) < ($1::timestamptz, $2::uuid)', after[0], after[1]);
    }
    const limit = where.param(query.limit + 1);
    const rows: InvoiceListRow[] = await this.dataSource.query(
      `${INVOICE_LIST_FROM}${where.where()}\nORDER BY i.created_at DESC, i.id DESC\nLIMIT ${limit}`,
      where.params,
    );
    return toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id], invoiceListItemFromRow);
  }

  async partiesOf(invoiceId: string): Promise<InvoiceParties> {
    const rows: {
      file_number: string;
      first_name: string | null;
      last_name: string | null;
      email: string | null;
      preferred_language: string;
      consultant_name: string | null;
      rcic_licence_number: string | null;
    }[] = await this.dataSource.query(
      `SELECT f.file_number, c.first_name, c.last_name, c.email, c.preferred_language,
         u.name AS consultant_name, u.rcic_licence_number
       FROM invoices i
       JOIN work_permit_files f ON f.id = i.file_id
       JOIN clients c ON c.id = i.client_id
       LEFT JOIN users u ON u.id = f.consultant_id
       WHERE i.id = $1`,
      [invoiceId],
    );
    const row = rows[0];
    return {
      fileNumber: row.file_number,
      clientName: [row.first_name, row.last_name].filter(Boolean).join(' '),
      clientEmail: row.email,
      preferredLanguage: row.preferred_language,
      consultantName: row.consultant_name,
      consultantLicence: row.rcic_licence_number,
    };
  }

  /** One of the client's invoices as the portal shows them: issued, paid or void, never a draft. */
  async findOfClient(id: string, clientId: string): Promise<InvoiceEntity | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM invoices WHERE id = $1 AND client_id = $2 AND status <> 'draft'`,
      [id, clientId],
    );
    return rows.length === 0 ? null : this.dataSource.manager.findOneByOrFail(InvoiceEntity, { id });
  }

  /** The client's invoices but drafts, newest first, with the payments on them. */
  async listOfClient(clientId: string): Promise<{ invoices: InvoiceListItem[]; payments: PaymentEntity[] }> {
    const [rows, payments] = await Promise.all([
      this.dataSource.query<InvoiceListRow[]>(
        `${INVOICE_LIST_FROM}\nWHERE i.client_id = $1 AND i.status <> 'draft'\nORDER BY i.issued_on DESC, i.created_at DESC, i.id DESC`,
        [clientId],
      ),
      this.dataSource
        .getRepository(PaymentEntity)
        .createQueryBuilder('p')
        .innerJoin(InvoiceEntity, 'i', 'i.id = p.invoice_id')
        .where('i.client_id = :clientId', { clientId })
        .andWhere(`i.status <> 'draft'`)
        .orderBy('p.created_at', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .getMany(),
    ]);
    return { invoices: rows.map(invoiceListItemFromRow), payments };
  }
}
