import { DateTime } from 'luxon';
import type { SeedInfo } from '../support/context';
import { FIRM_ZONE, type SlotSupply } from './bookings';
import { cycle, type PlannedRequest, type RequestSource } from './load';

export type Phase = 'warm-up' | 'measured';

/** What the API must meet on a scenario; each measure is checked when set. */
export interface Budget {
  /** Closed-loop p99 under this. */
  p99Ms?: number;
  /** Closed-loop API/bare req/s of at least this. */
  minRatio?: number;
  /** p50 on one connection under this. */
  oneConnectionP50Ms?: number;
  /** p99 at a fixed rate (half of the bare server's peak) under this. */
  fixedRateP99Ms?: number;
}

/** One hot path, loaded on the API and on the bare server with the same requests. */
export interface Scenario {
  name: string;
  budget: Budget;
  source(phase: Phase): RequestSource;
}

const get = (path: string): PlannedRequest => ({ method: 'GET', path });

/** A list's requests, the warm-up starting half-way through so it does not pre-read the measured ones. */
function fromList(requests: PlannedRequest[]): (phase: Phase) => RequestSource {
  return (phase) => cycle(requests, phase === 'warm-up' ? Math.floor(requests.length / 2) : 0);
}

/** The booking page's zones: the firm's and a few visitors'. */
const VISITOR_ZONES = [
  FIRM_ZONE,
  'Asia/Kolkata',
  'America/Vancouver',
  'Europe/Paris',
  'Asia/Manila',
  'America/Mexico_City',
];

/**
 * GET /api/public/slots over 30 days as the booking page asks (type, day range, the visitor's zone): every
 * other request for "any consultant" (the page's default), the others for each consultant in turn; the first
 * day moves over the coming week.
 */
function slotRequests(seed: SeedInfo): PlannedRequest[] {
  const today = DateTime.now().setZone(FIRM_ZONE).startOf('day');
  const count = Math.max(2 * seed.consultants.length, 42);
  return Array.from({ length: count }, (_, i) => {
    const from = today.plus({ days: i % 7 });
    const consultant =
      i % 2 === 1 ? `&consultantId=${seed.consultants[Math.floor(i / 2) % seed.consultants.length].id}` : '';
    const zone = encodeURIComponent(VISITOR_ZONES[i % VISITOR_ZONES.length]);
    return get(
      `/api/public/slots?type=${seed.consultationTypeId}${consultant}&from=${from.toISODate()}&to=${from.plus({ days: 29 }).toISODate()}&timezone=${zone}`,
    );
  });
}

export const FILES_LIST = 'Files list by stream';
export const CLIENT_SEARCH = 'Client search by name';
export const FILE_READ = 'One file with its deadlines';
export const SLOTS = 'Slots for 30 days';
export const BOOKINGS = 'Bookings of distinct slots';

export function scenarios(seed: SeedInfo, supply: SlotSupply): Scenario[] {
  const readBudget = { p99Ms: 50, minRatio: 0.8, fixedRateP99Ms: 20 };
  return [
    {
      // The files page: first page (the default 50), newest first, one stream.
      name: FILES_LIST,
      budget: { ...readBudget, oneConnectionP50Ms: 5 },
      source: fromList([get('/api/files?stream=IMP'), get('/api/files?stream=TFWP')]),
    },
    {
      name: CLIENT_SEARCH,
      budget: { ...readBudget, oneConnectionP50Ms: 5 },
      source: fromList(seed.nameFragments.map((q) => get(`/api/clients?q=${encodeURIComponent(q)}`))),
    },
    {
      // The staff UI's file page: GET /api/files/:id answers the file with its deadlines in one call.
      name: FILE_READ,
      budget: readBudget,
      source: fromList(seed.fileIds.map((id) => get(`/api/files/${id}`))),
    },
    {
      name: SLOTS,
      budget: { p99Ms: 50, oneConnectionP50Ms: 15, fixedRateP99Ms: 20 },
      source: fromList(slotRequests(seed)),
    },
    {
      name: BOOKINGS,
      budget: { minRatio: 0.5 },
      source: (phase) => supply.source(phase === 'warm-up' ? 'back' : 'front'),
    },
  ];
}

/** The scenarios whose name contains `text` (any case; all without it): `--scenario=bookings` measures one path again. */
export function chosenScenarios(list: Scenario[], text: string | undefined): Scenario[] {
  if (!text) {
    return list;
  }
  const chosen = list.filter((s) => s.name.toLowerCase().includes(text.toLowerCase()));
  if (chosen.length === 0) {
    throw new Error(`No api scenario's name contains "${text}": ${list.map((s) => s.name).join(', ')}`);
  }
  return chosen;
}
