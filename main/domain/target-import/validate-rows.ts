import type { RowProblem } from '../../../preload/contract';
import { checkIdNumber, isCccdNumber } from '../id-number';
import { nameKey, normalizeName } from '../names';
import { ageInYears } from '../site-time';
import { isTargetGroup } from '../target-groups';
import { stripInvisible } from '../text-safety';
import type { TargetColumn } from './columns';
import { compactIdNumber, parseDateText, parsePhone, parseSex } from './parse-fields';

export interface TargetRowInput {
  line: number;
  /** The line the row ends on, when a quote or a line break in a cell carried it over several. */
  lastLine?: number;
  cells: readonly string[];
}

export interface ValidTarget {
  line: number;
  idNumber: string | null;
  fullName: string;
  nameKey: string;
  dateOfBirth: string;
  sex: 'male' | 'female' | null;
  phone: string | null;
  address: string | null;
  targetGroup: string | null;
  productCode: string | null;
  doseNumber: number | null;
}

export interface RowOutcome {
  line: number;
  idNumber: string | null;
  fullName: string | null;
  problems: RowProblem[];
  /** Present when the row has no errors (it may still carry warnings). */
  target: ValidTarget | null;
}

export interface RowContext {
  columns: Partial<Record<TargetColumn, number>>;
  siteToday: string;
  /** Returns the catalogue code for what a spreadsheet wrote in the vaccine column. */
  resolveProduct: (text: string) => string | null;
  /** ID numbers already on this plan's list. */
  existingIdNumbers: ReadonlySet<string>;
}

const MAX_AGE_YEARS = 130;

/**
 * The longest value each column may hold: the limits of typing the same
 * person in at the desk (preload/contract/checkin/registration.ts) where
 * there are any, and room for any real value elsewhere. A longer cell is the
 * row's error, never cut short and imported.
 */
export const FIELD_LIMITS: Readonly<Record<TargetColumn, number>> = {
  idNumber: 20,
  fullName: 120,
  dateOfBirth: 20,
  sex: 20,
  phone: 20,
  address: 300,
  targetGroup: 60,
  product: 100,
  doseNumber: 10,
};

/** Values quoted back in a problem are cut: the report is for finding the cell, not copying it. */
const QUOTE_LIMIT = 40;
const quoted = (value: string) => (value.length > QUOTE_LIMIT ? `${value.slice(0, QUOTE_LIMIT)}…` : value);

/** A cell as the station reads it: invisible characters gone, spaces trimmed, and empty if over its limit (reported). */
function readCells(row: TargetRowInput, ctx: RowContext, problems: RowProblem[]): Record<TargetColumn, string> {
  const out = {} as Record<TargetColumn, string>;
  for (const column of Object.keys(FIELD_LIMITS) as TargetColumn[]) {
    const index = ctx.columns[column];
    const value = index === undefined ? '' : stripInvisible(row.cells[index] ?? '').trim();
    if (value.length > FIELD_LIMITS[column]) {
      problems.push(err(column, 'FIELD_TOO_LONG', { max: FIELD_LIMITS[column], length: value.length }));
      out[column] = '';
    } else {
      out[column] = value;
    }
  }
  return out;
}

function err(field: string, code: string, params?: RowProblem['params']): RowProblem {
  return params ? { field, code, severity: 'error', params } : { field, code, severity: 'error' };
}
function warn(field: string, code: string, params?: RowProblem['params']): RowProblem {
  return params ? { field, code, severity: 'warning', params } : { field, code, severity: 'warning' };
}

/**
 * Validates the rows of a target list. Pure: all state (today, catalogue,
 * IDs already on the plan) comes in through `ctx`. Duplicates are judged across
 * the whole file, so the second occurrence names the line of the first.
 */
export function validateTargetRows(rows: Iterable<TargetRowInput>, ctx: RowContext): RowOutcome[] {
  const firstLineById = new Map<string, number>();
  const firstLineByPerson = new Map<string, number>();
  const outcomes: RowOutcome[] = [];
  for (const row of rows) {
    const problems: RowProblem[] = [];
    if (row.lastLine !== undefined && row.lastLine > row.line) {
      // One row over several lines: an unclosed quote or a line break inside a cell. Shown, never merged silently.
      problems.push(err('row', 'ROW_SPANS_LINES', { firstLine: row.line, lastLine: row.lastLine }));
    }
    const cells = readCells(row, ctx, problems);
    const tooLong = new Set(problems.filter((p) => p.code === 'FIELD_TOO_LONG').map((p) => p.field));
    const fullName = normalizeName(cells.fullName);
    if (tooLong.has('fullName')) {
      // Reported as too long already.
    } else if (!fullName) problems.push(err('fullName', 'NAME_MISSING'));
    else if (fullName.length > 120 || /[\d@#$%^*_=<>{}[\]\\|]/u.test(fullName)) problems.push(err('fullName', 'NAME_INVALID'));

    const dobText = cells.dateOfBirth;
    let dateOfBirth: string | null = null;
    if (tooLong.has('dateOfBirth')) {
      // Reported as too long already.
    } else if (!dobText) problems.push(err('dateOfBirth', 'DOB_MISSING'));
    else {
      const dob = parseDateText(dobText);
      if (!dob.ok) problems.push(err('dateOfBirth', dob.reason === 'impossible' ? 'DOB_IMPOSSIBLE' : 'DOB_FORMAT', { value: quoted(dobText) }));
      else if (dob.value > ctx.siteToday) problems.push(err('dateOfBirth', 'DOB_IN_FUTURE', { value: quoted(dobText) }));
      else if (ageInYears(dob.value, ctx.siteToday) > MAX_AGE_YEARS) problems.push(err('dateOfBirth', 'DOB_IMPLAUSIBLE', { value: quoted(dobText) }));
      else dateOfBirth = dob.value;
    }

    const sexText = cells.sex;
    const sex = sexText ? parseSex(sexText) : null;
    if (sexText && !sex) problems.push(err('sex', 'SEX_INVALID', { value: quoted(sexText) }));

    const idText = compactIdNumber(cells.idNumber);
    let idNumber: string | null = null;
    if (idText) {
      if (/^\d{9}$/.test(idText)) problems.push(err('idNumber', 'ID_NUMBER_OLD_CMND', { value: idText }));
      else if (!isCccdNumber(idText)) problems.push(err('idNumber', 'ID_NUMBER_INVALID', { value: idText }));
      else {
        idNumber = idText;
        const first = firstLineById.get(idText);
        if (first !== undefined) problems.push(err('idNumber', 'ID_NUMBER_DUPLICATE_IN_FILE', { value: idText, firstLine: first }));
        else firstLineById.set(idText, row.line);
        if (ctx.existingIdNumbers.has(idText)) problems.push(err('idNumber', 'ID_NUMBER_ALREADY_IN_PLAN', { value: idText }));
        for (const f of checkIdNumber(idText, { dateOfBirth, sex })) {
          if (f.code === 'ID_PROVINCE_UNKNOWN') problems.push(warn('idNumber', f.code, { province: f.province }));
          else if (f.code === 'ID_SEX_MISMATCH') problems.push(warn('idNumber', f.code, { encoded: f.encoded }));
          else if (f.code === 'ID_CENTURY_MISMATCH') problems.push(warn('idNumber', f.code, { encodedCentury: f.encodedCentury }));
          else if (f.code === 'ID_BIRTH_YEAR_MISMATCH') problems.push(warn('idNumber', f.code, { encodedYearDigits: f.encodedYearDigits }));
        }
      }
    }

    const productText = cells.product;
    const productCode = productText ? ctx.resolveProduct(productText) : null;
    if (productText && !productCode) problems.push(err('product', 'PRODUCT_UNKNOWN', { value: quoted(productText) }));

    const doseText = cells.doseNumber;
    let doseNumber: number | null = null;
    if (doseText) {
      doseNumber = /^\d{1,2}$/.test(doseText) ? Number(doseText) : NaN;
      if (!(doseNumber >= 1 && doseNumber <= 10)) {
        problems.push(err('doseNumber', 'DOSE_NUMBER_INVALID', { value: quoted(doseText) }));
        doseNumber = null;
      }
    }

    const groupText = cells.targetGroup;
    if (groupText && !isTargetGroup(groupText)) problems.push(warn('targetGroup', 'TARGET_GROUP_UNKNOWN', { value: quoted(groupText) }));

    const phoneText = cells.phone;
    const phone = phoneText ? parsePhone(phoneText) : null;
    if (phoneText && !phone) problems.push(warn('phone', 'PHONE_INVALID', { value: quoted(phoneText) }));

    const key = nameKey(fullName);
    if (!idNumber && dateOfBirth && key) {
      const personKey = `${key}|${dateOfBirth}`;
      const first = firstLineByPerson.get(personKey);
      if (first !== undefined) problems.push(warn('fullName', 'POSSIBLE_DUPLICATE', { firstLine: first }));
      else firstLineByPerson.set(personKey, row.line);
    }

    const hasError = problems.some((p) => p.severity === 'error');
    const address = cells.address;
    outcomes.push({
      line: row.line,
      idNumber: idText || null,
      fullName: fullName || null,
      problems,
      target:
        hasError || !dateOfBirth
          ? null
          : {
              line: row.line,
              idNumber,
              fullName,
              nameKey: key,
              dateOfBirth,
              sex,
              phone,
              address: address ? normalizeName(address) : null,
              targetGroup: groupText || null,
              productCode,
              doseNumber,
            },
    });
  }
  return outcomes;
}
