import type { RowProblem } from '../../../preload/contract';
import { checkIdNumber, isCccdNumber } from '../id-number';
import { nameKey, normalizeName } from '../names';
import { ageInYears } from '../site-time';
import { isTargetGroup } from '../target-groups';
import type { TargetColumn } from './columns';
import { compactIdNumber, parseDateText, parsePhone, parseSex } from './parse-fields';

export interface TargetRowInput {
  line: number;
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

function cell(row: TargetRowInput, ctx: RowContext, column: TargetColumn): string {
  const index = ctx.columns[column];
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
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
    const rawName = cell(row, ctx, 'fullName');
    const fullName = normalizeName(rawName);
    if (!fullName) problems.push(err('fullName', 'NAME_MISSING'));
    else if (fullName.length > 120 || /[\d@#$%^*_=<>{}[\]\\|]/u.test(fullName)) problems.push(err('fullName', 'NAME_INVALID'));

    const dobText = cell(row, ctx, 'dateOfBirth');
    let dateOfBirth: string | null = null;
    if (!dobText) problems.push(err('dateOfBirth', 'DOB_MISSING'));
    else {
      const dob = parseDateText(dobText);
      if (!dob.ok) problems.push(err('dateOfBirth', dob.reason === 'impossible' ? 'DOB_IMPOSSIBLE' : 'DOB_FORMAT', { value: dobText }));
      else if (dob.value > ctx.siteToday) problems.push(err('dateOfBirth', 'DOB_IN_FUTURE', { value: dobText }));
      else if (ageInYears(dob.value, ctx.siteToday) > MAX_AGE_YEARS) problems.push(err('dateOfBirth', 'DOB_IMPLAUSIBLE', { value: dobText }));
      else dateOfBirth = dob.value;
    }

    const sexText = cell(row, ctx, 'sex');
    const sex = sexText ? parseSex(sexText) : null;
    if (sexText && !sex) problems.push(err('sex', 'SEX_INVALID', { value: sexText }));

    const idText = compactIdNumber(cell(row, ctx, 'idNumber'));
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

    const productText = cell(row, ctx, 'product');
    const productCode = productText ? ctx.resolveProduct(productText) : null;
    if (productText && !productCode) problems.push(err('product', 'PRODUCT_UNKNOWN', { value: productText }));

    const doseText = cell(row, ctx, 'doseNumber');
    let doseNumber: number | null = null;
    if (doseText) {
      doseNumber = /^\d{1,2}$/.test(doseText) ? Number(doseText) : NaN;
      if (!(doseNumber >= 1 && doseNumber <= 10)) {
        problems.push(err('doseNumber', 'DOSE_NUMBER_INVALID', { value: doseText }));
        doseNumber = null;
      }
    }

    const groupText = cell(row, ctx, 'targetGroup');
    if (groupText && !isTargetGroup(groupText)) problems.push(warn('targetGroup', 'TARGET_GROUP_UNKNOWN', { value: groupText }));

    const phoneText = cell(row, ctx, 'phone');
    const phone = phoneText ? parsePhone(phoneText) : null;
    if (phoneText && !phone) problems.push(warn('phone', 'PHONE_INVALID', { value: phoneText }));

    const key = nameKey(fullName);
    if (!idNumber && dateOfBirth && key) {
      const personKey = `${key}|${dateOfBirth}`;
      const first = firstLineByPerson.get(personKey);
      if (first !== undefined) problems.push(warn('fullName', 'POSSIBLE_DUPLICATE', { firstLine: first }));
      else firstLineByPerson.set(personKey, row.line);
    }

    const hasError = problems.some((p) => p.severity === 'error');
    const address = cell(row, ctx, 'address');
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
              address: address ? normalizeName(address).slice(0, 300) : null,
              targetGroup: groupText || null,
              productCode,
              doseNumber,
            },
    });
  }
  return outcomes;
}
