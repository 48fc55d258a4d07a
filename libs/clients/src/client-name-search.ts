/**
 * The clients list searched by a name fragment, with no NestJS or TypeORM import: the API's repository and the
 * bare benchmark server run the same statements.
 *
 * Results come in three ranks, each one statement read in its index's order, so a short term that matches
 * thousands of clients reads only the page it answers:
 *  1. the last name starts with the term (or "last first" does), in name order;
 *  2. the first name starts with it (or "first last" does), in name order;
 *  3. any other client whose "first last" or email contains it, newest first (the pg_trgm indexes).
 * Ranks 1 and 2 compare the names' stored search keys (lower case, unaccented), so "zoe" finds Zoé.
 * (Helpers from @app/shared come in as parameters: its index loads NestJS, which the bare server does without.)
 */
import type { SqlConditions } from '@app/shared';
import {
  CLIENT_LIST_COLUMNS,
  clientListItemFromRow,
  type ClientListItem,
  type ClientListRow,
} from './client-rows';

export type NameSearchRank = 1 | 2 | 3;

/** Where a page ended: its rank, the rank's sort key (a search key, or created_at as ISO for rank 3), the id. */
export type NameSearchPosition = [rank: NameSearchRank, key: string, id: string];

/** Both name orders: stored search keys in the "C" collation, each in a btree with id (StoreClientSearchKeys). */
const LAST_FIRST = 'c.last_first_key';
const FIRST_LAST = 'c.first_last_key';

interface Rank {
  /** The rank's own condition: $1 the prefix pattern, $2 (rank 3) the substring pattern. */
  condition: string;
  substring: boolean;
  /** The sort key as a column of the row (rank 3 reads created_at). */
  key: string;
  orderBy: string;
  /** After the previous page's last row: $1 its key, $2 its id. */
  after: string;
}

const STARTS = (key: string) => `${key} LIKE search_key($1)`;

const RANKS: Record<NameSearchRank, Rank> = {
  1: {
    condition: STARTS(LAST_FIRST),
    substring: false,
    key: `${LAST_FIRST} AS search_key`,
    orderBy: `${LAST_FIRST}, c.id`,
    after: `(${LAST_FIRST}, c.id) > ($1, $2::uuid)`,
  },
  2: {
    condition: `${STARTS(FIRST_LAST)} AND NOT ${STARTS(LAST_FIRST)}`,
    substring: false,
    key: `${FIRST_LAST} AS search_key`,
    orderBy: `${FIRST_LAST}, c.id`,
    after: `(${FIRST_LAST}, c.id) > ($1, $2::uuid)`,
  },
  3: {
    condition: `((c.first_name || ' ' || c.last_name) ILIKE $2 OR c.email::text ILIKE $2)
  AND NOT ${STARTS(LAST_FIRST)} AND NOT ${STARTS(FIRST_LAST)}`,
    substring: true,
    key: `NULL AS search_key`,
    orderBy: 'c.created_at DESC, c.id DESC',
    after: '(c.created_at, c.id) < ($1::timestamptz, $2::uuid)',
  },
};

type Row = ClientListRow & { search_key: string | null };

/** Runs one statement: `dataSource.query` in the API, a pg pool in the bare server. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** The term as LIKE patterns: `term%` and `%term%`, its own wildcards escaped (likePrefix and likePattern). */
export interface NameSearchPatterns {
  prefix: string;
  substring: string;
}

/** A page of the search, and where the next one starts (null on the last page). */
export interface NameSearchPage {
  items: ClientListItem[];
  next: NameSearchPosition | null;
}

/**
 * One page of clients matching the term. `conditions` gives the list's other filters (scope, consultant,
 * archived) afresh for each statement. Ranks run one after the other, each only while the page still has room,
 * and a statement's text depends only on the rank, the filters and whether it continues from a cursor.
 */
export async function searchClientsByName(
  run: RunQuery,
  conditions: () => SqlConditions,
  { prefix, substring }: NameSearchPatterns,
  after: NameSearchPosition | undefined,
  limit: number,
): Promise<NameSearchPage> {
  const found: { rank: NameSearchRank; row: Row }[] = [];
  const first = after?.[0] ?? 1;
  for (const rank of ([1, 2, 3] as const).filter((r) => r >= first)) {
    if (found.length > limit) {
      break;
    }
    const spec = RANKS[rank];
    const where = conditions();
    where.add(spec.condition, ...(spec.substring ? [prefix, substring] : [prefix]));
    if (after && rank === first) {
      where.add(spec.after, after[1], after[2]);
    }
    const limitParam = where.param(limit + 1 - found.length);
    const select = `SELECT ${CLIENT_LIST_COLUMNS}, ${spec.key}\nFROM clients c${where.where()}`;
    const rows = (await run(
      spec.substring && readsTrigramIndex(substring)
        ? `SELECT * FROM (${select}\nOFFSET 0) c\nORDER BY ${spec.orderBy}\nLIMIT ${limitParam}`
        : `${select}\nORDER BY ${spec.orderBy}\nLIMIT ${limitParam}`,
      where.params,
    )) as Row[];
    found.push(...rows.map((row) => ({ rank, row })));
  }
  const hasMore = found.length > limit;
  const page = hasMore ? found.slice(0, limit) : found;
  const last = page[page.length - 1];
  return {
    items: page.map(({ row }) => clientListItemFromRow(row)),
    next: hasMore
      ? [
          last.rank,
          last.rank === 3 ? last.row.created_at.toISOString() : String(last.row.search_key),
          last.row.id,
        ]
      : null,
  };
}

/**
 * Whether rank 3 reads its matches from the pg_trgm indexes (a term of 3 characters or more), then sorts them.
 * Left to itself the planner walks clients newest first until the page is full, and when few or no clients match
 * beyond ranks 1 and 2 that walk reads the whole table (about 200 ms on 100,000 clients, against 5–14 ms from the
 * index; `OFFSET 0` keeps the subquery apart). A shorter term matches so many clients that the walk ends at once.
 */
function readsTrigramIndex(substringPattern: string): boolean {
  return substringPattern.slice(1, -1).replace(/\\(.)/g, '$1').length >= 3;
}
