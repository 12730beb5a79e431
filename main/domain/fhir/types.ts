/**
 * The part of FHIR R4 the station writes and reads, typed just enough to
 * build resources without typos in element names. The full structure is
 * checked against the R4 definitions by the test server (test/support/fhir-server).
 */
export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
}
export interface Reference {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}
export interface Extension {
  url: string;
  valueCode?: string;
  valueString?: string;
  valueCodeableConcept?: CodeableConcept;
  valueInteger?: number;
  valueBoolean?: boolean;
  extension?: Extension[];
}
export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  source?: string;
  tag?: Coding[];
}
export interface Resource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  [element: string]: unknown;
}
export interface OperationOutcomeIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  details?: CodeableConcept;
  diagnostics?: string;
  expression?: string[];
  location?: string[];
}
export interface OperationOutcome extends Resource {
  resourceType: 'OperationOutcome';
  issue: OperationOutcomeIssue[];
}
export type BundleType = 'transaction' | 'batch' | 'transaction-response' | 'batch-response' | 'searchset' | 'collection' | 'document' | 'history';

export interface BundleRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  url: string;
  ifNoneExist?: string;
  ifMatch?: string;
}
export interface BundleResponse {
  status: string;
  location?: string;
  etag?: string;
  lastModified?: string;
  outcome?: Resource;
}
export interface BundleEntry {
  fullUrl?: string;
  resource?: Resource;
  request?: BundleRequest;
  response?: BundleResponse;
  search?: { mode?: string };
}
export interface Bundle extends Resource {
  resourceType: 'Bundle';
  type: BundleType;
  timestamp?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: BundleEntry[];
}
