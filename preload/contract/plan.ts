import { z } from 'zod';
import { Empty, IsoDate, Sex, op } from './common';
import { VisitStep } from './checkin/queue';

export const PlanState = z.enum(['planned', 'open', 'closed']);
export type PlanState = z.infer<typeof PlanState>;

export const SessionPeriod = z.enum(['morning', 'afternoon', 'all_day']);
export type SessionPeriod = z.infer<typeof SessionPeriod>;

export const VaccineProduct = z.object({
  code: z.string(),
  name: z.string(),
  formulation: z.string().nullable(),
  /** EU DCC value-set codes: medicinal product, marketing-authorisation holder, prophylaxis, disease. */
  dccProduct: z.string(),
  dccManufacturer: z.string(),
  dccProphylaxis: z.string(),
  dccDisease: z.string(),
  minAgeYears: z.number().nullable(),
  maxAgeYears: z.number().nullable(),
  defaultDosesPerVial: z.number().int(),
  inUseHours: z.number(),
  kind: z.string(),
  active: z.boolean(),
});
export type VaccineProduct = z.infer<typeof VaccineProduct>;

export const Lot = z.object({
  id: z.string(),
  planId: z.string(),
  productCode: z.string(),
  productName: z.string(),
  lotNumber: z.string(),
  expiryDate: z.string(),
  dosesPerVial: z.number().int(),
  vialsReceived: z.number().int(),
  dosesOnHand: z.number().int(),
});
export type Lot = z.infer<typeof Lot>;

export const PlanSummary = z.object({
  id: z.string(),
  sessionDate: z.string(),
  period: SessionPeriod,
  location: z.string(),
  plannedCapacity: z.number().int(),
  targetGroups: z.array(z.string()),
  notes: z.string(),
  state: PlanState,
  targetCount: z.number().int(),
  lotCount: z.number().int(),
  dosesOnHand: z.number().int(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanDetail = PlanSummary.extend({
  lots: z.array(Lot),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

const LotNumber = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, 'letters, digits, . / -');

export const PlanFields = z.object({
  sessionDate: IsoDate,
  period: SessionPeriod,
  location: z.string().trim().min(2).max(200),
  plannedCapacity: z.number().int().min(1).max(100_000),
  targetGroups: z.array(z.string()).max(30).default([]),
  notes: z.string().trim().max(2000).default(''),
});

export const LotFields = z.object({
  productCode: z.string().min(1),
  lotNumber: LotNumber,
  expiryDate: IsoDate,
  /** Defaults to the product's usual presentation when omitted. */
  dosesPerVial: z.number().int().min(1).max(50).optional(),
  vialsReceived: z.number().int().min(0).max(100_000),
});

export const catalogueOps = {
  'catalogue:products': op({ summary: 'Vaccine products the station knows', request: Empty, response: z.array(VaccineProduct) }),
  'catalogue:targetGroups': op({ summary: 'Target-group codes a plan may name', request: Empty, response: z.array(z.string()) }),
};

export const planOps = {
  'plan:list': op({
    summary: 'Session plans, newest first',
    request: z.object({ from: IsoDate.optional(), to: IsoDate.optional(), state: PlanState.optional() }),
    response: z.array(PlanSummary),
  }),
  'plan:get': op({ summary: 'One plan with its lots', request: z.object({ id: z.string() }), response: PlanDetail }),
  'plan:current': op({
    summary: "Today's open session at this site, if any",
    request: Empty,
    response: PlanDetail.nullable(),
  }),
  'plan:create': op({ summary: 'Plan a session day', request: PlanFields, response: PlanDetail }),
  'plan:update': op({
    summary: 'Edit a planned session',
    request: PlanFields.partial().extend({ id: z.string() }),
    response: PlanDetail,
  }),
  'plan:addLot': op({ summary: 'Add a vaccine lot on hand', request: LotFields.extend({ planId: z.string() }), response: PlanDetail }),
  'plan:updateLot': op({
    summary: 'Correct a lot',
    request: LotFields.omit({ productCode: true }).partial().extend({ lotId: z.string() }),
    response: PlanDetail,
  }),
  'plan:removeLot': op({ summary: 'Remove a lot from a planned session', request: z.object({ lotId: z.string() }), response: PlanDetail }),
  'plan:open': op({ summary: 'Open the session for the day (planned → open)', request: z.object({ id: z.string() }), response: PlanDetail }),
};

export const Target = z.object({
  id: z.string(),
  planId: z.string(),
  idNumber: z.string().nullable(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  sex: Sex.nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  targetGroup: z.string().nullable(),
  productCode: z.string().nullable(),
  doseNumber: z.number().int().nullable(),
  sourceLine: z.number().int().nullable(),
});
export type Target = z.infer<typeof Target>;

/** A row of the list as the desks page through it, with today's visit made for it, if any. */
export const TargetListRow = Target.extend({
  visit: z.object({ queueNumber: z.number().int(), step: VisitStep }).nullable(),
});
export type TargetListRow = z.infer<typeof TargetListRow>;

export const RowProblem = z.object({
  field: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RowProblem = z.infer<typeof RowProblem>;

export const ImportRowReport = z.object({
  line: z.number().int(),
  idNumber: z.string().nullable(),
  fullName: z.string().nullable(),
  problems: z.array(RowProblem),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

/** Imports are checked whole before anything is written; the user confirms the valid rows. */
export const ImportPreview = z.object({
  previewId: z.string(),
  planId: z.string(),
  fileName: z.string(),
  encoding: z.string(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  rowsWithWarnings: z.number().int(),
  /** Rows with problems, in file order; capped (see `reportTruncated`). */
  report: z.array(ImportRowReport),
  reportTruncated: z.boolean(),
  columns: z.array(z.string()),
  /** Lines in the file, header and blank lines included: every one is a row, blank, or named in a row's problem. */
  lines: z.number().int(),
  expiresAt: z.string(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** 16 MiB of CSV is ~100,000 rows: more than any site's day; larger files are refused before any byte is sent. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

/**
 * A target list travels in chunks of this many bytes: no single call is
 * large (see MAX_CALL_FRAME_BYTES), and the desk shows how far the upload is.
 */
export const IMPORT_CHUNK_BYTES = 512 * 1024;

export const targetOps = {
  'targets:startImport': op({
    summary: 'Announce a target-list CSV by name and size; its bytes follow in chunks',
    request: z.object({
      planId: z.string().max(100),
      fileName: z.string().max(260),
      /** The file's size in bytes; a file over MAX_IMPORT_BYTES is refused here, before any byte is sent. */
      sizeBytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    }),
    response: z.object({ uploadId: z.string(), chunkBytes: z.number().int() }),
  }),
  'targets:uploadChunk': op({
    summary: 'One chunk of an announced file, in order',
    request: z.object({
      uploadId: z.string().max(100),
      /** Where this chunk starts in the file: chunks arrive in order, none twice. */
      offset: z.number().int().min(0).max(MAX_IMPORT_BYTES),
      dataBase64: z
        .string()
        .max(Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
    }),
    response: z.object({ received: z.number().int(), sizeBytes: z.number().int() }),
  }),
  'targets:previewImport': op({
    summary: 'Check an uploaded target list row by row, away from the desks\' calls; writes nothing',
    request: z.object({ uploadId: z.string().max(100) }),
    response: ImportPreview,
  }),
  'targets:confirmImport': op({
    summary: 'Import the valid rows of a checked file, in one transaction',
    request: z.object({ previewId: z.string() }),
    response: z.object({ planId: z.string(), imported: z.number().int(), skipped: z.number().int() }),
  }),
  'targets:cancelImport': op({ summary: 'Discard an uploaded or checked file (its upload id is its preview id)', request: z.object({ previewId: z.string() }), response: z.object({ done: z.literal(true) }) }),
  'targets:list': op({
    summary: 'Page through a plan\'s target list, optionally filtered by name or ID',
    request: z.object({
      planId: z.string(),
      query: z.string().max(100).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    response: z.object({ total: z.number().int(), rows: z.array(TargetListRow) }),
  }),
};

export const targetEvents = {
  /** How far the station is in checking an uploaded file (to every desk; only the uploading one shows it). */
  'targets:importProgress': z.object({
    uploadId: z.string(),
    rowsChecked: z.number().int(),
    /** Rows in the file, once it has been read (0 while it is being read). */
    totalRows: z.number().int(),
  }),
};
