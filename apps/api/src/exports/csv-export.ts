import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { Clock, csvLine, type CsvValue } from '@app/shared';
import { AppConfig } from '@app/config';
import { headerOf, type ExportLanguage } from './export-labels';
import { appliedFilters } from './export-query.dto';

/** The lists staff can export; also the file name's stem and the audit action's prefix. */
export type ExportResource = 'clients' | 'files' | 'deadlines' | 'consultations';

/** One page of an export: its rows as cells, and where the next page starts (null: the last one). */
export interface ExportPage {
  rows: CsvValue[][];
  nextCursor: string | null;
}

export interface ExportSpec<F extends object> {
  resource: ExportResource;
  staff: StaffUser;
  /** The export's query as the request gave it: the list's filters and the optional `lang`. */
  query: F & { lang?: ExportLanguage };
  /** Reads one page with the list's own query, the filters and the cursor, as cells in the export's language. */
  page: (cursor: string | undefined, filters: Omit<F, 'lang'>, lang: ExportLanguage) => Promise<ExportPage>;
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
  ) {}

  /**
   * The export's language is `lang`, else the browser's; the header row is the resource's in that language, and the
   * audit event records the filters that were set.
   */
  async stream<F extends object>(req: Request, res: Response, spec: ExportSpec<F>): Promise<void> {
    const { lang: requested, ...filters } = spec.query;
    const lang = exportLanguage(requested, req.headers['accept-language']);
    const read = (cursor: string | undefined) => spec.page(cursor, filters, lang);
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
