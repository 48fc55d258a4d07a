import { unwrap, type paths } from '@app/api-client';
import { HttpError, type DataProvider, type RaRecord } from 'react-admin';
import { queryString } from '../../shared/http';
import { ApiError, api, apiClient, session } from './session';

export { apiClient };

/** A list page as the API returns it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Shape = { [key: string]: true | Shape };

interface ResourceConfig {
  /** A list path of the API's document; one record is at `{path}/{id}`. */
  path: keyof paths;
  /** Fields a create may send (nested objects by their own shape). */
  create?: Shape;
  /** Fields an update may send; only the changed ones are sent. */
  update?: Shape;
  /** Where a create goes when it is not POST {path} (deadlines belong to a file). */
  createPath?: (data: Record<string, unknown>) => string;
  updateMethod?: 'PATCH' | 'PUT';
  /** The record in a create's answer, when the answer wraps it. */
  unwrap?: (created: Record<string, unknown>) => RaRecord;
}

const fields = (...names: string[]): Shape => Object.fromEntries(names.map((name) => [name, true]));

const clientFields = fields(
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'citizenship',
  'countryOfResidence',
  'statusInCanada',
  'statusExpiresOn',
  'statusAppliedOn',
  'statusLostOn',
  'passportNumber',
  'passportExpiresOn',
  'uci',
  'preferredLanguage',
  'consultantId',
);

const fileFields: Shape = {
  ...fields(
    'consultantId',
    'applicationType',
    'jobTitle',
    'nocCode',
    'province',
    'workLocation',
    'submittedOn',
    'biometricsDueOn',
    'medicalDueOn',
    'pflResponseDueOn',
    'decisionOn',
    'permitExpiresOn',
    'biometricsLetterOn',
    'medicalLetterOn',
    'pflLetterOn',
    'irccApplicationNumber',
  ),
  employer: fields('name', 'businessNumber'),
  wage: fields('amount', 'period'),
  tfwp: fields('lmiaStream', 'lmiaStatus', 'lmiaNumber', 'lmiaIssuedOn', 'lmiaExpiresOn'),
  imp: fields('exemptionCode', 'offerOfEmploymentNumber', 'complianceFeePaid', 'permitType'),
};

const userFields = fields(
  'email',
  'name',
  'role',
  'password',
  'timezone',
  'isBookable',
  'languages',
  'rcicLicenceNumber',
);

const typeFields = fields(
  'name',
  'nameFr',
  'durationMinutes',
  'priceCents',
  'active',
  'mode',
  'description',
  'descriptionFr',
  'videoLink',
  'phoneNumber',
  'officeAddress',
);

/** Our resources and the API paths behind them (see /api/docs). */
export const RESOURCES: Record<string, ResourceConfig> = {
  clients: { path: '/api/clients', create: clientFields, update: clientFields },
  files: {
    path: '/api/files',
    create: { ...fileFields, ...fields('clientId', 'stream', 'invitePortal') },
    update: fileFields,
    // A consultation converted into a file: POST /api/consultations/:id/convert answers {consultation, file}.
    createPath: (data) =>
      data.convertFrom ? `/api/consultations/${data.convertFrom as string}/convert` : '/api/files',
    // The conversion's portal invite (sent, or why not) rides along for the success message.
    unwrap: (created) =>
      'file' in created && isObject(created.file)
        ? { ...(created.file as RaRecord), portalInvite: created.portalInvite ?? null }
        : (created as RaRecord),
  },
  deadlines: {
    path: '/api/deadlines',
    create: fields('kind', 'title', 'dueOn', 'assigneeId', 'notes'),
    createPath: (data) => `/api/files/${String(data.fileId)}/deadlines`,
    update: fields('dueOn', 'title', 'notes', 'assigneeId', 'completed'),
  },
  users: { path: '/api/users', create: userFields, update: { ...userFields, ...fields('isActive') } },
  consultations: {
    path: '/api/consultations',
    create: fields(
      'type',
      'consultantId',
      'clientId',
      'startsAt',
      'mode',
      'topic',
      'notes',
      'timezone',
      'language',
    ),
    update: fields('status', 'notes', 'startsAt', 'mode'),
  },
  'consultation-types': { path: '/api/consultation-types', create: typeFields, update: typeFields },
  reminders: { path: '/api/reminders' },
  emails: { path: '/api/emails' },
};

function configOf(resource: string): ResourceConfig {
  const config = RESOURCES[resource];
  if (!config) {
    throw new Error(`Unknown resource ${resource}`);
  }
  return config;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Empty text means "no value": left out of a create, null in an update. */
function clean(value: unknown, forCreate: boolean): unknown {
  if (value === '' || value === undefined) {
    return forCreate ? undefined : null;
  }
  return value;
}

/** The body of a create: only the shape's fields, empty ones left out. */
export function createBody(data: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(shape)) {
    const value = data[key];
    if (rule === true) {
      const cleaned = clean(value, true);
      if (cleaned !== undefined && cleaned !== null) {
        body[key] = cleaned;
      }
    } else if (isObject(value)) {
      const nested = createBody(value, rule);
      if (Object.keys(nested).length > 0) {
        body[key] = nested;
      }
    }
  }
  return body;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The body of a partial update: only the shape's fields that changed, nested objects by their changed fields. */
export function updateBody(
  data: Record<string, unknown>,
  previous: Record<string, unknown>,
  shape: Shape,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(shape)) {
    if (!(key in data)) {
      continue;
    }
    const value = data[key];
    const before = previous[key];
    if (rule === true) {
      const cleaned = clean(value, false);
      if (!same(cleaned, clean(before, false))) {
        body[key] = cleaned;
      }
    } else if (isObject(value)) {
      const nested = updateBody(value, isObject(before) ? before : {}, rule);
      if (key === 'wage') {
        // A wage is one value: send it whole, or null when its amount was cleared.
        if (Object.keys(nested).length > 0) {
          body[key] = value.amount === null || value.amount === '' ? null : createBody(value, rule);
        }
      } else if (Object.keys(nested).length > 0) {
        body[key] = nested;
      }
    } else if (value === null && before !== null && before !== undefined) {
      body[key] = null;
    }
  }
  return body;
}

/** The API's field errors, as react-admin shows them beside each input (and the message as a notification). */
export function toHttpError(error: unknown): unknown {
  if (!(error instanceof ApiError)) {
    return error;
  }
  const body = error.body;
  const errors: Record<string, unknown> = {};
  if (body?.fields) {
    for (const [path, messages] of Object.entries(body.fields)) {
      errors[path] = Array.isArray(messages) ? messages.join('; ') : String(messages);
    }
    errors.root = { serverError: body.message };
  }
  return new HttpError(body?.message ?? error.message, error.status, {
    ...body,
    ...(Object.keys(errors).length > 0 ? { errors } : {}),
  });
}

async function call<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  try {
    return await api<T>(path, options);
  } catch (error) {
    throw toHttpError(error);
  }
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
  get: (url: string) => Promise<Page<T>> = call,
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
function listResult(result: ListPage<RaRecord>, page: number) {
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
    const page = await call<Page<T>>(`${path}${queryString({ ...filter, limit: 200, cursor })}`);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items;
}

function filterOf(raw: Record<string, unknown> | undefined): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      filter[key] = value;
    }
  }
  return filter;
}

export const dataProvider: DataProvider = {
  async getList(resource, params) {
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const result = await listPage<RaRecord>(
      configOf(resource).path,
      filterOf(params.filter as Record<string, unknown> | undefined),
      page,
      perPage,
    );
    return listResult(result, page);
  },
  async getOne(resource, params) {
    const data = await call<RaRecord>(`${configOf(resource).path}/${encodeURIComponent(String(params.id))}`);
    return { data: data as never };
  },
  async getMany(resource, params) {
    const data = await Promise.all(
      params.ids.map((id) => call<RaRecord>(`${configOf(resource).path}/${encodeURIComponent(String(id))}`)),
    );
    return { data: data as never[] };
  },
  async getManyReference(resource, params) {
    const { page = 1, perPage = 25 } = params.pagination ?? {};
    const filter = filterOf({ ...(params.filter as Record<string, unknown>), [params.target]: params.id });
    const result = await listPage<RaRecord>(configOf(resource).path, filter, page, perPage);
    return listResult(result, page);
  },
  async create(resource, params) {
    const config = configOf(resource);
    const data = params.data as Record<string, unknown>;
    const body = config.create ? createBody(data, config.create) : data;
    const created = await call<RaRecord>(config.createPath?.(data) ?? config.path, { method: 'POST', body });
    cursors.clear();
    return { data: (config.unwrap ? config.unwrap(created) : created) as never };
  },
  async update(resource, params) {
    const config = configOf(resource);
    const body = config.update
      ? updateBody(
          params.data as Record<string, unknown>,
          (params.previousData ?? {}) as Record<string, unknown>,
          config.update,
        )
      : params.data;
    const data = await call<RaRecord>(`${config.path}/${encodeURIComponent(String(params.id))}`, {
      method: config.updateMethod ?? 'PATCH',
      body,
    });
    return { data: data as never };
  },
  updateMany() {
    return Promise.reject(new HttpError('Not supported', 400));
  },
  async delete(resource, params) {
    await call<void>(`${configOf(resource).path}/${encodeURIComponent(String(params.id))}`, {
      method: 'DELETE',
    });
    cursors.clear();
    return { data: params.previousData as never };
  },
  deleteMany() {
    return Promise.reject(new HttpError('Not supported', 400));
  },
};

/** A call of the typed client (`send(apiClient.POST('/api/files/{id}/transitions', ...))`), with react-admin's error shape. */
export async function send<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  try {
    return await unwrap(call);
  } catch (error) {
    throw toHttpError(error);
  }
}

/** A call outside the resources (timelines, reports), with react-admin's error shape. */
export function apiCall<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  return call<T>(path, options);
}

export const currentUser = () => session.user;
