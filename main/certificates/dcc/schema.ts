import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { type DccError } from '../../domain/dcc/errors';
import { type DccPayload } from '../../domain/dcc/types';
import dccSchema from './schema/DCC.combined-schema.json';

/**
 * EU DCC JSON schema 1.3.3 (draft 2020-12, hence ajv's 2020 build). The schema
 * marks value-set fields with a `valueset-uri` annotation; value sets are not
 * enums in it (a verifier must accept codes newer than its own lists), so the
 * keyword is declared as an annotation and never checked. strictRequired is off
 * because the schema's oneOf branches name properties declared beside them.
 *
 * Two strictnesses, after the schema FAQ's "strict in what you generate,
 * tolerant in what you accept":
 * - 'issue': formats are asserted exactly (a date is yyyy-MM-dd).
 * - 'verify': a `date` field may also hold an RFC 3339 date-time whose date part
 *   is a real date, since issuers in use write "2022-01-01T00:00:00.000Z" there
 *   (Singapore's conformance case SG/4, which the EU data expects to pass) and
 *   the date is fully recoverable from it. Anything else is still refused.
 */
export type SchemaMode = 'issue' | 'verify';

const validators: Partial<Record<SchemaMode, ValidateFunction>> = {};

type FormatCheck = (value: string) => boolean;
const strictDate = formatCheck(fullFormats.date);
const dateTime = formatCheck(fullFormats['date-time']);

function compiled(mode: SchemaMode): ValidateFunction {
  let validator = validators[mode];
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: false, strict: true, strictRequired: false });
    if (mode === 'issue') {
      addFormats(ajv, ['date', 'date-time']);
    } else {
      addFormats(ajv, ['date-time']);
      ajv.addFormat('date', (value: string) => strictDate(value) || (dateTime(value) && strictDate(value.slice(0, 10))));
    }
    ajv.addKeyword({ keyword: 'valueset-uri', schemaType: 'string' });
    validator = ajv.compile(dccSchema);
    validators[mode] = validator;
  }
  return validator;
}

/** Null if the payload matches the schema, otherwise the first problem found. */
export function checkDccSchema(payload: unknown, mode: SchemaMode = 'verify'): DccError | null {
  const validate = compiled(mode);
  if (validate(payload)) return null;
  const first = validate.errors?.[0];
  return {
    code: 'DCC_SCHEMA_INVALID',
    detail: first ? `${first.instancePath || '/'} ${first.message ?? first.keyword}` : undefined,
  };
}

export function isDccPayload(payload: unknown, mode: SchemaMode = 'verify'): payload is DccPayload {
  return checkDccSchema(payload, mode) === null;
}

function formatCheck(format: unknown): FormatCheck {
  if (typeof format === 'function') return format as FormatCheck;
  if (format instanceof RegExp) return (value) => format.test(value);
  if (format && typeof format === 'object' && 'validate' in format) return formatCheck(format.validate);
  throw new Error('unexpected ajv-formats format definition');
}
