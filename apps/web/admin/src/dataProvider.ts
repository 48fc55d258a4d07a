import { HttpError, type DataProvider, type RaRecord } from 'react-admin';
import { apiCall } from './data/api-calls';
import { filterOf, forgetListCursors, listPage, listResult } from './data/list-pages';
import { createBody, updateBody } from './data/request-bodies';
import { configOf } from './data/resources';
import { apiClient, session } from './session';

export { apiClient };
export { apiCall, send, toHttpError } from './data/api-calls';
export { listAll, listPage, type ListPage, type Page } from './data/list-pages';
export { createBody, updateBody } from './data/request-bodies';
export { RESOURCES } from './data/resources';

/** The API path of one record of a resource. */
const recordPath = (resource: string, id: unknown): string =>
  `${configOf(resource).path}/${encodeURIComponent(String(id))}`;

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
    const data = await apiCall<RaRecord>(recordPath(resource, params.id));
    return { data: data as never };
  },
  async getMany(resource, params) {
    const data = await Promise.all(params.ids.map((id) => apiCall<RaRecord>(recordPath(resource, id))));
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
    const created = await apiCall<RaRecord>(config.createPath?.(data) ?? config.path, {
      method: 'POST',
      body,
    });
    forgetListCursors();
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
    const data = await apiCall<RaRecord>(recordPath(resource, params.id), {
      method: config.updateMethod ?? 'PATCH',
      body,
    });
    return { data: data as never };
  },
  updateMany() {
    return Promise.reject(new HttpError('Not supported', 400));
  },
  async delete(resource, params) {
    await apiCall<void>(recordPath(resource, params.id), {
      method: 'DELETE',
    });
    forgetListCursors();
    return { data: params.previousData as never };
  },
  deleteMany() {
    return Promise.reject(new HttpError('Not supported', 400));
  },
};

export const currentUser = () => session.user;
