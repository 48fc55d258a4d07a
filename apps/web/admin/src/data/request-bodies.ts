/** Which fields of a form a request sends: `true` for a field, a nested shape for an object of fields. */
export type Shape = { [key: string]: true | Shape };

export const isObject = (value: unknown): value is Record<string, unknown> =>
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
