// A long spec by design: the fuzzer, its generators and its report in one place, against one app.
// Starting an app per file costs seconds, so the cases stay together.
import fc from 'fast-check';
import request from 'supertest';
import { StaffRole, StaffSessionsService } from '@app/auth';
import { consultationType, setHours } from '../support/bookable';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

/**
 * Fuzzes every operation of the OpenAPI document as served at /api/docs-json: requests generated from the
 * schemas (valid values, wrong types, nulls, huge and malformed strings, unknown and prototype keys, deep
 * nesting, bad path ids and query values, odd headers and cookies), sent as an admin, a consultant, anonymously and with a forged
 * token. Fails on any 5xx and on any error that is not JSON in the documented shape
 * `{statusCode, code, message, fields?, errorId?}`.
 *
 * FUZZ_SEED=<n> replays a run; FUZZ_REQUESTS=<n> changes the total (default 3,000:
 * each run has a seed of its own, so the runs together cover more).
 * Not covered: /admin/queues (bull-board's own UI, behind admin auth; its cookie and auth are tested in
 * input-hardening.e2e.ts) and the static web UI pages (/admin, /book), which take no input.
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2_147_483_647;
const TOTAL = process.env.FUZZ_REQUESTS ? Number(process.env.FUZZ_REQUESTS) : 3000;
const CONCURRENCY = 4;

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  parameters: Parameter[];
  body?: Schema;
}
type Identity = 'admin' | 'consultant' | 'anonymous' | 'forged';
interface FuzzRequest {
  identity: Identity;
  url: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

// ---- hostile values -------------------------------------------------------------------------------------
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud83d',
  '\udc00x',
  'x\ud83d@x.com',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  '🍁'.repeat(40),
  'x'.repeat(100_000),
  'x'.repeat(5000),
  'A'.repeat(255),
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '2026-13-01T25:61:00Z',
  '2026-11-01T02:30:00',
  '+275760-09-13T00:00:00Z',
  '-271821-04-19T00:00:00Z',
  '1970-01-01',
  'null',
  'true',
  '[]',
  '{}',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'C99',
  'R',
  '\\',
  '"',
  'Etc/GMT+99',
  'UTC',
  'America/Vancouver',
  '12345678901234567890',
  ' 1 ',
  '\t\n',
  '\uFEFF',
  '\uFFFF',
  'a'.repeat(300) + '@x.ca',
];
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0,
  -2147483649,
  2147483648,
  2 ** 53 + 1, // 9007199254740993, one past the safe integers: a double holds it as 2 ** 53
  1e308,
  -1e308,
  [],
  {},
  [null],
  [[[[]]]],
  { a: { b: { c: 1 } } },
  Array.from({ length: 200 }, (_, i) => i),
  ...HOSTILE_STRINGS,
];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const hostileValue = fc.constantFrom(...HOSTILE_VALUES);
const hostileQueryString = fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length <= 5000));
const RAW_PATH_GARBAGE = [
  'not-a-uuid',
  'x'.repeat(5000),
  '%E0%A4%A',
  '%',
  '%00',
  '..%2F..%2Fetc',
  '-1',
  '0',
  '00000000-0000-0000-0000-000000000000',
  '%ED%A0%80',
  '%F0%9F%8D%81',
  '%C0%80',
  'a%2Fb',
  '%2e%2e',
  '1e309',
  'null',
  '%20',
  '%u0041',
  '%FF%FE',
];

/** Odd headers and cookies: none of them may turn a request into a 5xx. Values stay within what HTTP allows. */
const headersArbitrary: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({}) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          'Cookie',
          'X-Request-Id',
          'Accept',
          'Accept-Language',
          'If-None-Match',
          'Range',
          'X-Forwarded-For',
          'Origin',
          'Accept-Encoding',
          'Authorization',
        ),
        fc.oneof(
          fc.constantFrom(
            'pd_queues=%E0%A4%A',
            'pd_queues=%',
            'pd_queues=a.b.c',
            `pd_queues=${'%41'.repeat(600)}`,
            'pd_queues',
            '=;;=%;',
            'a=b; pd_queues=x.1.y',
            'x'.repeat(6000),
            '',
            ' ',
            '*/*;q=abc',
            'bytes=-1-2',
            'Bearer',
            'Bearer x.y.z',
            'Basic Zm9vOmJhcg==',
            'Bearer %E0',
            '999.999.1.1, ::1, x',
            'null',
            'gzip;q=2, br;q=-1',
            'text/csv',
            'application/json;q=0',
            '__proto__=1; constructor=2',
          ),
          fc.string({ maxLength: 60 }).filter((v) => /^[\t\x20-\x7e]*$/.test(v)),
        ),
      )
      .map(([name, value]) => ({ [name]: value })),
  },
);

/** A generated value as query text: null as nothing, anything else as String() writes it (arrays comma-joined). */
function queryText(value: unknown): string {
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- fuzzing: an object's '[object Object]' is as fair a query value as any
  return value === null ? '' : String(value);
}

/** percent-encodes text; a lone surrogate (which encodeURIComponent refuses) becomes the raw bytes of one. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\s\S]/g, (c) => {
      try {
        return encodeURIComponent(c);
      } catch {
        return '%ED%A0%BD';
      }
    });
  }
}

// ---- schema-driven arbitraries --------------------------------------------------------------------------
function resolver(doc: { components: { schemas: Record<string, Schema> } }) {
  return (schema: Schema): Schema => {
    let current = schema;
    for (let hops = 0; hops < 5; hops++) {
      if (current.$ref) {
        current = { ...doc.components.schemas[current.$ref.split('/').pop()!], nullable: current.nullable };
      } else if (current.allOf?.length === 1) {
        current = { ...resolveOnce(doc, current.allOf[0]), nullable: current.nullable };
      } else {
        break;
      }
    }
    return current;
  };
}
function resolveOnce(doc: { components: { schemas: Record<string, Schema> } }, schema: Schema): Schema {
  return schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema;
}

interface Pools {
  ids: string[];
  /** Real ids for a property or parameter name (consultantId, clientId...), so valid requests reach deep. */
  idsFor(name: string): string[];
  dates: string[];
  /** Use documented examples whenever a schema has one (more requests pass validation and run deep). */
  examplesFirst?: boolean;
}

function valueArbitrary(
  schema: Schema,
  resolve: (s: Schema) => Schema,
  pools: Pools,
  depth = 0,
  name = '',
): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const named = pools.idsFor(name);
  const plain =
    named.length > 0 && s.type === 'string'
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...named) },
          { weight: 1, arbitrary: plainArbitrary(s, resolve, pools, depth) },
        )
      : plainArbitrary(s, resolve, pools, depth);
  return s.nullable && !pools.examplesFirst
    ? fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: fc.constant(null) })
    : plain;
}

function plainArbitrary(
  s: Schema,
  resolve: (s: Schema) => Schema,
  pools: Pools,
  depth: number,
): fc.Arbitrary<unknown> {
  if (s.enum) {
    return fc.constantFrom(...s.enum);
  }
  const withExample = (arb: fc.Arbitrary<unknown>) =>
    s.example !== undefined && pools.examplesFirst
      ? fc.constant(s.example)
      : s.example !== undefined
        ? fc.oneof({ weight: 2, arbitrary: fc.constant(s.example) }, { weight: 1, arbitrary: arb })
        : arb;
  switch (s.type) {
    case 'string':
      switch (s.format) {
        case 'uuid':
          return fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...pools.ids) },
            { weight: 1, arbitrary: fc.uuid() },
          );
        case 'date':
          return fc.oneof(
            fc.constantFrom(...pools.dates),
            fc
              .date({ min: new Date('2020-01-01'), max: new Date('2032-01-01'), noInvalidDate: true })
              .map((d) => d.toISOString().slice(0, 10)),
          );
        case 'date-time':
          return fc
            .date({ min: new Date('2020-01-01'), max: new Date('2032-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString());
        case 'email':
          return fc.emailAddress();
        default:
          return withExample(fc.string({ maxLength: Math.min(s.maxLength ?? 30, 30) }));
      }
    case 'number':
    case 'integer': {
      const min = Math.ceil(s.minimum ?? -5);
      const max = Math.max(min, Math.floor(s.maximum ?? min + 500));
      return withExample(fc.integer({ min, max }));
    }
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 6
        ? fc.constant([])
        : fc.array(valueArbitrary(s.items ?? {}, resolve, pools, depth + 1), { maxLength: 4 });
    default: {
      if (s.properties && depth <= 6) {
        // Documented mode: required fields, plus optional ones that carry an example or an enum, all present.
        const entries = Object.entries(s.properties).filter(
          ([key, property]) =>
            !pools.examplesFirst ||
            s.required?.includes(key) ||
            resolve(property).example !== undefined ||
            resolve(property).enum !== undefined,
        );
        const shape = Object.fromEntries(
          entries.map(([key, property]) => [key, valueArbitrary(property, resolve, pools, depth + 1, key)]),
        );
        return fc.record(shape, {
          requiredKeys: pools.examplesFirst
            ? Object.keys(shape)
            : (s.required ?? []).filter((key) => key in shape),
        });
      }
      return withExample(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean()));
    }
  }
}

/** A body: mostly schema-valid, often with one field made hostile, sometimes plainly hostile or malformed. */
function bodyArbitrary(
  schema: Schema | undefined,
  resolve: (s: Schema) => Schema,
  pools: Pools,
): fc.Arbitrary<{ body?: string; contentType?: string }> {
  const valid = schema ? valueArbitrary(schema, resolve, pools) : fc.constant({});
  const documented = schema
    ? valueArbitrary(schema, resolve, { ...pools, examplesFirst: true })
    : fc.constant({});
  const object = valid.map((v) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {},
  );
  const keys = schema ? Object.keys(resolve(schema).properties ?? {}) : [];
  const keyArb =
    keys.length > 0
      ? fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...keys) },
          { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
        )
      : fc.string({ maxLength: 8 });
  const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: 'application/json' });
  const deep = (levels: number, open: string, close: string) =>
    `{"a":${open.repeat(levels)}${close.repeat(levels)}}`;
  return fc.oneof(
    { weight: 5, arbitrary: valid.map(json) },
    { weight: 4, arbitrary: documented.map(json) },
    {
      weight: 5,
      arbitrary: fc.tuple(object, keyArb, hostileValue).map(([v, key, bad]) => json({ ...v, [key]: bad })),
    },
    { weight: 3, arbitrary: fc.tuple(object, keyArb).map(([v, key]) => json({ ...v, [key]: null })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(object, fc.subarray(keys.length > 0 ? keys : ['x'], { minLength: 1 }), hostileValue)
        .map(([v, chosen, bad]) => json({ ...v, ...Object.fromEntries(chosen.map((key) => [key, bad])) })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(object, fc.constantFrom(...keys, 'x'), fc.constantFrom(...PROTOTYPE_KEYS))
        .map(([v, key, proto]) => {
          const nested = JSON.stringify({ [key]: { polluted: true } }).replace(`"${key}"`, `"${proto}"`);
          return {
            body: JSON.stringify(v).replace(/^\{/, `{"${key}":${nested},`).replace(/,}$/, '}'),
            contentType: 'application/json',
          };
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(object, fc.string({ minLength: 1, maxLength: 12 }))
        .map(([v, key]) => json({ ...v, [`unknown_${key}`]: 1 })),
    },
    { weight: 1, arbitrary: hostileValue.map(json) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          { body: deep(5000, '[', ']') },
          { body: deep(31, '[', ']') },
          { body: deep(33, '{"a":', '}') },
          { body: '{"a": ' },
          { body: '{"a":1,}' },
          { body: "{'a':1}" },
          { body: '\u0000' },
          { body: '{"a":"\\ud800"}' },
          { body: '{"a":"\\u0000"}' },
          { body: '1'.repeat(400) },
          { body: '[' + '1,'.repeat(20_000) + '1]' },
          { body: '{"email":"a@b.c","email":"x"}' },
        )
        .map((b) => ({ ...b, contentType: 'application/json' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/json; charset=iso-8859-1',
            'application/json; charset=utf-16',
            'multipart/form-data; boundary=x',
            'application/json; charset="',
            'application/merge-patch+json',
            '*/*',
          ),
        )
        .map(([v, contentType]) => ({ body: JSON.stringify(v), contentType })),
    },
  );
}

function queryArbitrary(
  parameters: Parameter[],
  resolve: (s: Schema) => Schema,
  pools: Pools,
): fc.Arbitrary<string> {
  const pair = (name: string, value: fc.Arbitrary<string>) =>
    value.map((v) => `${encode(name)}=${encode(v)}`);
  const validOnly = parameters.map((p) => {
    const valid = valueArbitrary(resolve(p.schema ?? {}), resolve, pools, 0, p.name).map(queryText);
    return fc.oneof(fc.constant(''), pair(p.name, valid));
  });
  const perParameter = parameters.map((p) => {
    const schema = resolve(p.schema ?? {});
    const valid = valueArbitrary(schema, resolve, pools, 0, p.name).map(queryText);
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant('') },
      { weight: 4, arbitrary: pair(p.name, valid) },
      { weight: 2, arbitrary: pair(p.name, hostileQueryString) },
      {
        weight: 1,
        arbitrary: fc.tuple(valid, valid).map(([a, b]) => `${p.name}=${encode(a)}&${p.name}=${encode(b)}`),
      },
      { weight: 1, arbitrary: valid.map((v) => `${p.name}[a]=${encode(v)}`) },
      { weight: 1, arbitrary: valid.map((v) => `${p.name}[]=${encode(v)}`) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(
            '-1',
            '0',
            '201',
            '1e9',
            '99999999999999999999',
            '1.5',
            'NaN',
            '-0',
            'abc',
            '%ZZ',
            '%E0%A4%A',
          )
          .map((v) => `${p.name}=${v}`),
      },
    );
  });
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '__proto__=x',
        'constructor[prototype][polluted]=1',
        '__proto__[polluted]=1',
        'unknown=1',
        '%=1',
        'a=%',
        '&&&',
        '=',
        'limit=5&limit=6',
        'cursor=' + 'x'.repeat(3000),
        'cursor=eyJ4IjoxfQ',
        'cursor=%00',
        'from=2026-02-30&to=1970-01-01',
      ),
    },
  );
  return fc.oneof(
    { weight: 2, arbitrary: fc.tuple(...validOnly).map((parts) => parts.filter(Boolean).join('&')) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.tuple(...perParameter), extra)
        .map(([parts, more]) => [...parts, more].filter(Boolean).join('&')),
    },
  );
}

function pathArbitrary(
  op: Operation,
  realIds: (path: string, name: string) => string[],
): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === 'path');
  if (params.length === 0) {
    return fc.constant(op.path);
  }
  const values = params.map((p) => {
    const real = realIds(op.path, p.name);
    return fc.oneof(
      {
        weight: real.length > 0 ? 6 : 0,
        arbitrary: real.length > 0 ? fc.constantFrom(...real).map(encode) : fc.constant('x'),
      },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 2, arbitrary: fc.constantFrom(...RAW_PATH_GARBAGE) },
      { weight: 1, arbitrary: hostileQueryString.map(encode) },
    );
  });
  return fc
    .tuple(...values)
    .map((chosen) => params.reduce((path, p, i) => path.replace(`{${p.name}}`, chosen[i]), op.path));
}

// ---- checking answers -----------------------------------------------------------------------------------
function problemWith(res: request.Response): string | null {
  if (res.status >= 500) {
    return `status ${res.status}`;
  }
  if (res.status < 400) {
    return null;
  }
  if (!/^application\/json/.test(String(res.headers['content-type'] ?? ''))) {
    return `error ${res.status} is not JSON (${String(res.headers['content-type'])})`;
  }
  const body = res.body as Record<string, unknown>;
  const allowed = new Set(['statusCode', 'code', 'message', 'fields', 'errorId']);
  const fieldsOk =
    body.fields === undefined ||
    body.fields === null ||
    (typeof body.fields === 'object' &&
      !Array.isArray(body.fields) &&
      Object.values(body.fields).every((m) => Array.isArray(m) && m.every((x) => typeof x === 'string')));
  if (
    typeof body !== 'object' ||
    body === null ||
    body.statusCode !== res.status ||
    typeof body.code !== 'string' ||
    !/^[A-Z][A-Z0-9_]*$/.test(body.code) ||
    typeof body.message !== 'string' ||
    !fieldsOk ||
    !(body.errorId === undefined || body.errorId === null || typeof body.errorId === 'string') ||
    Object.keys(body).some((key) => !allowed.has(key))
  ) {
    return `error ${res.status} is not in the error shape`;
  }
  return null;
}

function describeRequest(op: Operation, r: FuzzRequest): string {
  const auth =
    (r.identity === 'anonymous' ? '' : ` -H 'Authorization: Bearer <${r.identity} token>'`) +
    Object.entries(r.headers ?? {})
      .map(
        ([name, value]) =>
          ` -H ${JSON.stringify(`${name}: ${value.length > 200 ? `${value.slice(0, 200)}...(${value.length} chars)` : value}`)}`,
      )
      .join('');
  const body =
    r.body === undefined
      ? ''
      : ` -H 'Content-Type: ${r.contentType ?? ''}' --data-raw ${JSON.stringify(r.body.length > 2000 ? `${r.body.slice(0, 2000)}...(${r.body.length} chars)` : r.body)}`;
  return `curl -X ${op.method.toUpperCase()} 'http://localhost:3000${r.url.length > 2000 ? `${r.url.slice(0, 2000)}...` : r.url}'${auth}${body}`;
}

const SESSION_ENDING = new Set(['/api/auth/logout', '/api/auth/logout-everywhere']);

describe('fuzz: every operation of the OpenAPI document', () => {
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  // Signing out ends sessions: those routes run as users of their own, each request on a fresh session,
  // so the sessions the rest of the run uses stay alive.
  let spare: Record<'admin' | 'consultant', SignedInClient>;
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        PUBLIC_RATE_LIMIT: '1000000',
        LOGIN_RATE_LIMIT: '1000000',
        LOGIN_ADDRESS_RATE_LIMIT: '1000000',
        BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '1000000',
      },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    spare = {
      admin: await t.signedInAs(StaffRole.Admin),
      consultant: await t.signedInAs(StaffRole.Consultant),
    };
    const targets = [await t.given.consultant(), await t.given.user({ role: StaffRole.Assistant })];
    await setHours(consultant, consultant.user.id, {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:30' })),
      minNoticeHours: 1,
    });
    const typeId = await consultationType(admin, { name: 'Assessment', nameFr: 'Évaluation' });
    const timeOff = await consultant
      .post(`/api/consultants/${consultant.user.id}/time-off`)
      .send({ startsAt: '2031-01-01T00:00:00Z', endsAt: '2031-01-02T00:00:00Z', reason: 'Leave' })
      .expect(201);
    const clients = [await t.given.client({ consultantId: consultant.user.id }), await t.given.client()];
    const files = [
      await t.given.file({ consultantId: consultant.user.id, permitExpiresOn: '2027-06-01' }),
      await t.given.file({ clientId: clients[1].id }),
    ];
    const deadlines = [
      await t.given.deadline(files[0].id),
      await t.given.deadline(files[1].id, { dueOn: '2026-01-05' }),
    ];
    const slots = await t
      .http()
      .get(`/api/public/slots?type=${typeId}&consultantId=${consultant.user.id}`)
      .expect(200);
    const tokens: string[] = [];
    const consultations: string[] = [];
    for (const slot of (slots.body as Array<{ startsAt: string }>).slice(0, 2)) {
      const booked = await t
        .http()
        .post('/api/public/bookings')
        .send({
          type: typeId,
          startsAt: slot.startsAt,
          consultantId: consultant.user.id,
          name: 'Priya Sharma',
          email: `priya-${tokens.length}@example.com`,
          timezone: 'Asia/Kolkata',
        })
        .expect(201);
      tokens.push(String(booked.body.manageUrl).split('/').pop()!);
      consultations.push(booked.body.id);
    }
    const reminders = await admin.get('/api/reminders?limit=5').expect(200);
    Object.assign(ids, {
      users: targets.map((u) => u.id),
      consultants: [consultant.user.id, targets[0].id],
      clients: clients.map((c) => c.id),
      files: files.map((f) => f.id),
      deadlines: deadlines.map((d) => d.id),
      'consultation-types': [typeId],
      consultations,
      reminders: (reminders.body.items as Array<{ id: string }>).map((r) => r.id),
      token: tokens,
      timeOffId: [timeOff.body.id],
    });
  });
  afterAll(() => t.close());

  it(`answers ${TOTAL} generated requests without a 5xx, every error in the error shape`, async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }
        >
      >;
      components: { schemas: Record<string, Schema> };
    };
    const resolve = resolver(doc);
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method as Operation['method'],
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      })),
    );
    const allIds = Object.values(ids).flat();
    const familyOf: Record<string, string> = {
      consultantId: 'consultants',
      assigneeId: 'consultants',
      clientId: 'clients',
      fileId: 'files',
      subjectId: 'deadlines',
      type: 'consultation-types',
      typeId: 'consultation-types',
      consultationId: 'consultations',
    };
    const pools: Pools = {
      ids: allIds,
      idsFor: (name) => ids[familyOf[name]] ?? [],
      dates: ['2026-12-01', '2027-06-01', '2026-01-05', '2030-02-28'],
    };
    const realIds = (path: string, name: string): string[] => {
      if (name === 'token' || name === 'timeOffId') {
        return ids[name];
      }
      if (name === 'code') {
        return path.includes('exemption')
          ? ['C43', 'C10', 'T21', 'c43']
          : path.includes('2016')
            ? ['2174', '0011', '99999']
            : ['21232', '85100', '00010'];
      }
      const family = path.split('/')[2];
      return ids[family] ?? [];
    };

    const perOperation = Math.ceil(TOTAL / operations.length);
    const identities = fc.constantFrom<Identity>('admin', 'admin', 'consultant', 'anonymous', 'forged');
    const requests: Array<{ op: Operation; request: FuzzRequest }> = [];
    operations.forEach((op, index) => {
      const queryParameters = op.parameters.filter((p) => p.in === 'query');
      const withBody = op.method !== 'get' && op.method !== 'delete';
      const arbitrary = fc
        .tuple(
          identities,
          pathArbitrary(op, realIds),
          queryArbitrary(queryParameters, resolve, pools),
          withBody ? bodyArbitrary(op.body, resolve, pools) : fc.constant({}),
          headersArbitrary,
        )
        .map(([identity, path, query, body, headers]): FuzzRequest => ({
          identity,
          url: query ? `${path}?${query}` : path,
          ...body,
          headers,
        }));
      for (const generated of fc.sample(arbitrary, { seed: SEED + index, numRuns: perOperation })) {
        requests.push({ op, request: generated });
      }
    });

    const server = t.app.getHttpServer();
    const sessions = t.app.get(StaffSessionsService);
    const forgedToken = `${admin.token.slice(0, -6)}AAAAAA`;
    const tokenOf: Record<Identity, string | null> = {
      admin: admin.token,
      consultant: consultant.token,
      anonymous: null,
      forged: forgedToken,
    };
    const byRoute = new Map<string, Map<number, number>>();
    const byStatus = new Map<number, number>();
    const failures = new Map<string, string>();
    const started = Date.now();

    const send = async ({ op, request: r }: { op: Operation; request: FuzzRequest }) => {
      let test = request(server)[op.method](r.url);
      let token = tokenOf[r.identity];
      if (SESSION_ENDING.has(op.path) && (r.identity === 'admin' || r.identity === 'consultant')) {
        token = (await sessions.start(spare[r.identity].user)).accessToken;
      }
      if (token) {
        test = test.set('Authorization', `Bearer ${token}`);
      }
      for (const [name, value] of Object.entries(r.headers ?? {})) {
        test = test.set(name, value);
      }
      if (r.body !== undefined) {
        test = test.set('Content-Type', r.contentType ?? 'application/json').send(r.body);
      }
      const res = await test;
      const route = `${op.method.toUpperCase()} ${op.path}`;
      const statuses = byRoute.get(route) ?? new Map<number, number>();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      byRoute.set(route, statuses);
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      const problem = problemWith(res);
      const key = `${route} ${problem}`;
      if (problem && !failures.has(key)) {
        failures.set(
          key,
          `${key}\n  ${describeRequest(op, r)}\n  -> ${res.status} ${res.text.slice(0, 300)}`,
        );
      }
    };
    let nextIndex = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (nextIndex < requests.length) {
          await send(requests[nextIndex++]);
        }
      }),
    );

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [
      `fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED}): ${requests.length} requests over ${operations.length} operations in ${seconds} s`,
      `by status: ${[...byStatus.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
      ...[...byRoute.entries()].sort().map(
        ([route, statuses]) =>
          `  ${route.padEnd(52)} ${[...statuses.entries()]
            .sort(([a], [b]) => a - b)
            .map(([s, n]) => `${s}×${n}`)
            .join(' ')}`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (failures.size > 0) {
      process.stdout.write(
        `\nFAILURES (${failures.size}, one request each):\n${[...failures.values()].join('\n')}\n`,
      );
    }
    expect(requests.length).toBeGreaterThanOrEqual(TOTAL);
    expect([...failures.values()]).toEqual([]);
  }, 240_000);
});
