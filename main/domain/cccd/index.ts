export { classifyScan, type ScanReading } from './classify-scan';
export { parseCccdPayload } from './parse-cccd';
export type { ReadOptions } from './read-card';
export { formatCccdPayload } from './format-cccd';
export { readBhyt, looksLikeBhyt, type BhytReading } from './bhyt';
export { FINDING_SEVERITY, type Finding, type FindingCode, type FindingParams } from './findings';
export { MAX_PAYLOAD_BYTES } from './scan-text';
export type { CccdIdentity, CccdReading } from './types';
export type { DatePrecision } from './card-dates';
