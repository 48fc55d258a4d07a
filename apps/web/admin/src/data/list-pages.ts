import type { RaRecord } from 'react-admin';
import { queryString } from '../../../shared/http';
import { apiCall } from './api-calls';

/** A list page as the API returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Keyset pagination under react-admin's page numbers: the cursor that starts each page is remembered per
 * (resource, filter, page size). A page reached without its cursor (a deep link) is found by walking forward.
 * The API counts nothing, so a page says only whether another follows (react-admin's partial pagination); the
 * total is known, and given, only once the last page is reached: the pages before it were full.
 */
const cursors = new Map<string, Map<number, string | null>>();

export interface ListPage<T> {
  items: T[];
  hasNextPage: boolean;
  /** Set only when the list's end was reached, so it is exact. */
  total?: number;
}

export async function listPage<T>(
  path: string,
  filter: Record<string, unknown>,
  page: number,
  perPage: number,
  get: (url: string) => Promise<Page<T>> = apiCall,
): Promise<ListPage<T>> {
  const key = `${path}|${JSON.stringify(filter)}|${perPage}`;
  const known = cursors.get(key) ?? new Map<number, string | null>([[1, null]]);
  cursors.set(key, known);
  let start = page;
  while (!known.has(start) && start > 1) {
    start -= 1;
  }
  for (let current = start; ; current += 1) {
    const cursor = known.get(current);
    if (current > 1 && !cursor) {
      // Past the end: the previous page was the last, and full.
      return { items: [], hasNextPage: false, total: (current - 1) * perPage };
    }
    const result = await get(
      `${path}${queryString({ ...filter, limit: perPage, cursor: cursor ?? undefined })}`,
    );
    known.set(current + 1, result.nextCursor);
    if (!result.nextCursor) {
      return {
        items: current === page ? result.items : [],
        hasNextPage: false,
        total: (current - 1) * perPage + result.items.length,
      };
    }
    if (current >= page) {
      return { items: result.items, hasNextPage: true };
    }
  }
}

/** react-admin's answer for a page: partial pagination, with the total once it is known. */
export function listResult(result: ListPage<RaRecord>, page: number) {
  return {
    data: result.items as never[],
    ...(result.total !== undefined ? { total: result.total } : {}),
    pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: page > 1 },
  };
}

/** Every item of a list, page by page (for small lists such as consultation types or staff). */
export async function listAll<T>(
  path: string,
  filter: Record<string, unknown> = {},
  max = 1000,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiCall<Page<T>>(`${path}${queryString({ ...filter, limit: 200, cursor })}`);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items;
}

export function filterOf(raw: Record<string, unknown> | undefined): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      filter[key] = value;
    }
  }
  return filter;
}

/** After a create or a delete the remembered cursors may point past records that moved: forget them all. */
export function forgetListCursors(): void {
  cursors.clear();
}
