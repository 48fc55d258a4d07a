import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { UsersService, type StaffUser } from '@app/auth';
import { Clock, csvLine, MAX_PAGE_SIZE, type CsvValue, type Page } from '@app/shared';
import { AppConfig } from '@app/config';
import { headerOf, type ExportLanguage } from './export-labels';
import { appliedFilters } from './export-query.dto';

/** The lists staff can export; also the file name's stem and the audit action's prefix. */
export type ExportResource = 'clients' | 'files' | 'deadlines' | 'consultations';

export interface ExportSpec<F extends object, T> {
  resource: ExportResource;
  staff: StaffUser;
  /** The export's query as the request gave it: the list's filters and the optional `lang`. */
  query: F & { lang?: ExportLanguage };
  /** One page of the list with the export's filters, as the list route reads it (the largest page size). */
  list: (filters: Omit<F, 'lang'>, cursor: string | undefined, limit: number) => Promise<Page<T>>;
  /** Staff members an item names (consultant, assignee): their names are read once a page and given to `row`. */
  staffOf?: (item: T) => string | null;
  /** An item's cells in the export's language, `names` holding the staff names of the page. */
  row: (item: T, lang: ExportLanguage, names: ReadonlyMap<string, string>) => CsvValue[];
}

/** `en` unless `lang=fr`, or no `lang` and the browser's first language is French. */
export function exportLanguage(lang: string | undefined, acceptLanguage: string | undefined): ExportLanguage {
  if (lang === 'fr' || lang === 'en') {
    return lang;
  }
  return /^\s*fr\b/i.test(acceptLanguage ?? '') ? 'fr' : 'en';
}

/**
 * Streams a list as CSV, page by page from the list's keyset query, never holding more than a page: UTF-8 with a
 * BOM (so Excel reads accents), a header row, CRLF lines. Each export is audited with who, what, the filters and
 * the number of rows written (and whether the download was cut short).
 */
@Injectable()
export class CsvExports {
  private readonly logger = new Logger(CsvExports.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  /**
   * The export's language is `lang`, else the browser's; the header row is the resource's in that language, and the
   * audit event records the filters that were set.
   */
  async stream<F extends object, T>(req: Request, res: Response, spec: ExportSpec<F, T>): Promise<void> {
    const { lang: requested, ...filters } = spec.query;
    const lang = exportLanguage(requested, req.headers['accept-language']);
    const read = async (cursor: string | undefined) => {
      const page = await spec.list(filters, cursor, MAX_PAGE_SIZE);
      const staffIds = spec.staffOf ? page.items.map(spec.staffOf).filter((id) => id !== null) : [];
      const names = staffIds.length > 0 ? await this.users.namesOf([...new Set(staffIds)]) : new Map();
      return { rows: page.items.map((item) => spec.row(item, lang, names)), nextCursor: page.nextCursor };
    };
    // The first page is read before any header goes out, so a failure there still answers with an error status.
    let page = await read(undefined);
    let closed = false;
    res.once('close', () => {
      closed = !res.writableFinished;
    });
    const day = this.clock.now().toLocaleDateString('en-CA', { timeZone: this.config.firmTimeZone });
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${spec.resource}-${day}.csv"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    let rows = 0;
    let failed = false;
    try {
      await this.write(res, `\uFEFF${csvLine(headerOf(spec.resource, lang))}`);
      for (;;) {
        if (closed || res.destroyed) {
          break;
        }
        const text = page.rows.map(csvLine).join('');
        rows += page.rows.length;
        await this.write(res, text);
        if (page.nextCursor === null || closed || res.destroyed) {
          break;
        }
        page = await read(page.nextCursor);
      }
    } catch (error) {
      // Headers are gone: the only honest answer left is a cut connection, which the browser reports as failed.
      failed = true;
      this.logger.error(`The ${spec.resource} export failed after ${rows} rows: ${String(error)}`);
      res.destroy();
    }
    // Audited before the last byte goes out: once the download ends, its event is there to read.
    const completed = !failed && !closed && !res.destroyed;
    await this.record(spec.resource, spec.staff, appliedFilters(filters), rows, completed).catch(
      (error: unknown) =>
        this.logger.error(`The ${spec.resource} export could not be audited: ${String(error)}`),
    );
    if (completed) {
      res.end();
    }
  }

  /** Writes a chunk, waiting for the socket to drain when its buffer is full (or for the client to go). */
  private write(res: Response, chunk: string): Promise<void> {
    if (res.destroyed || res.write(chunk, 'utf8')) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }

  private record(
    resource: ExportResource,
    staff: StaffUser,
    filters: Record<string, unknown>,
    rows: number,
    completed: boolean,
  ): Promise<void> {
    return this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actorId: staff.id,
        action: `${resource}.exported`,
        subjectType: 'export',
        subjectId: randomUUID(),
        changes: { resource, filters, rows, completed },
      }),
    );
  }
}
