/**
 * What the platform said about one entry, read from its HTTP status and
 * OperationOutcome: kept as the platform wrote it (codes and text, trimmed
 * and without control characters, since a server may send anything), so the
 * desk can translate a code it knows and show the platform's words otherwise.
 */
export interface PlatformReason {
  /** HTTP status of the entry (or of the whole request). */
  status: number;
  /** FHIR IssueType code (invalid, duplicate, not-found, business-rule, …). */
  issueCode: string | null;
  /** The platform's own code in issue.details.coding, and its system. */
  detailCode: string | null;
  detailSystem: string | null;
  /** issue.details.text or issue.diagnostics, verbatim. */
  text: string | null;
  /** Where in the resource (FHIRPath expression or location). */
  expression: string | null;
}

const MAX_TEXT = 1000;

function clean(value: unknown, max = MAX_TEXT): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim();
  if (!text) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const asRecord = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** The first error issue of an OperationOutcome (or the first issue of any severity). */
export function reasonFrom(status: number, outcome: unknown): PlatformReason {
  const oo = asRecord(outcome);
  const issues = oo && oo.resourceType === 'OperationOutcome' && Array.isArray(oo.issue) ? oo.issue.map(asRecord).filter((i) => i !== null) : [];
  const issue = issues.find((i) => i.severity === 'error' || i.severity === 'fatal') ?? issues[0] ?? null;
  if (!issue) return { status, issueCode: null, detailCode: null, detailSystem: null, text: null, expression: null };
  const details = asRecord(issue.details);
  const coding = Array.isArray(details?.coding) ? asRecord(details.coding[0]) : null;
  const expression = Array.isArray(issue.expression) ? issue.expression[0] : Array.isArray(issue.location) ? issue.location[0] : null;
  const texts = [clean(details?.text), clean(issue.diagnostics)].filter((t): t is string => t !== null);
  return {
    status,
    issueCode: clean(issue.code, 40),
    detailCode: clean(coding?.code, 80),
    detailSystem: clean(coding?.system, 200),
    text: texts.length ? [...new Set(texts)].join(' — ') : null,
    expression: clean(expression, 200),
  };
}

/** A one-line summary for logs and the command line. */
export function describeReason(r: PlatformReason): string {
  const code = [r.issueCode, r.detailCode].filter(Boolean).join('/');
  return [`HTTP ${r.status}`, code, r.text, r.expression ? `(${r.expression})` : null].filter(Boolean).join(' ');
}
