import { describe, expect, it } from 'vitest';
import { parseCccdPayload } from '../../../main/domain/cccd';

/**
 * What real scanners and apps do to a card payload on its way to the desk, and
 * what the desk makes of it. The people are synthetic.
 */
const CARD = '001094123456|012345678|Nguyễn Văn An|15031994|Nam|Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội|20042021';
const AN = {
  idNumber: '001094123456',
  oldIdNumber: '012345678',
  fullName: 'Nguyễn Văn An',
  dateOfBirth: '1994-03-15',
  dateOfBirthPrecision: 'day',
  sex: 'male',
  address: 'Số 1 Phố Huế, Hàng Bài, Hoàn Kiếm, Hà Nội',
  issueDate: '2021-04-20',
};

function codes(raw: string, today?: string): string[] {
  return parseCccdPayload(raw, today ? { today } : {}).findings.map((f) => f.code);
}

describe('transport artefacts that change nothing on the card', () => {
  it.each([
    ['a byte-order mark in front', `\uFEFF${CARD}`],
    ['zero-width spaces and joiners inside', CARD.replace('Nguyễn', 'Ngu\u200Byễn\u200D')],
    ['the AIM symbology prefix ]Q1 some scanners send', `]Q1${CARD}`],
    ['STX/ETX framing and a Tab suffix', `\u0002${CARD}\u0003\t`],
    ['extra trailing empty fields', `${CARD}||||||`],
    ['full-width separators from a re-encoding app', CARD.replaceAll('|', '\uFF5C')],
    ['broken-bar separators', CARD.replaceAll('|', '\u00A6')],
    ['surrounding whitespace and CR/LF', `  ${CARD}\r\n\n `],
  ])('%s', (_label, raw) => {
    const reading = parseCccdPayload(raw);
    expect(reading.findings).toEqual([]);
    expect(reading.identity).toEqual(AN);
  });

  it('reads sex written in any case, decomposed, or without its accent', () => {
    for (const sex of ['nam', 'NAM', 'nAM']) expect(parseCccdPayload(CARD.replace('|Nam|', `|${sex}|`)).identity?.sex).toBe('male');
    const female = CARD.replace('001094', '001194');
    for (const sex of ['nữ', 'NỮ', 'Nu\u031B\u0303', 'Nu']) {
      expect(parseCccdPayload(female.replace('|Nam|', `|${sex}|`)).identity?.sex).toBe('female');
    }
  });
});

describe('artefacts the desk must be told about', () => {
  it('capitalises a name sent in capitals or Caps-Lock-inverted, and says so', () => {
    for (const scanned of ['NGUYỄN VĂN AN', 'nGUYỄN vĂN aN', 'nguyễn văn an']) {
      const reading = parseCccdPayload(CARD.replace('Nguyễn Văn An', scanned));
      expect(reading.identity?.fullName).toBe('Nguyễn Văn An');
      expect(reading.findings.map((f) => f.code)).toEqual(['NAME_RECASED']);
    }
  });

  it("capitalises each part of Ê Đê and Jrai names (H'Hen)", () => {
    const reading = parseCccdPayload(CARD.replace('Nguyễn Văn An', "H'HEN NIÊ"));
    expect(reading.identity?.fullName).toBe("H'Hen Niê");
  });

  it('repairs UTF-8 that a driver read as Windows-1252 ("Nguyá»…n")', () => {
    const bytes = new TextEncoder().encode(CARD);
    const mojibake = new TextDecoder('windows-1252').decode(bytes);
    expect(mojibake).not.toBe(CARD);
    const reading = parseCccdPayload(mojibake);
    expect(reading.identity).toEqual(AN);
    expect(reading.findings.map((f) => f.code)).toEqual(['TEXT_ENCODING_REPAIRED']);
  });

  it('refuses a name whose letters a scanner replaced with ? or U+FFFD', () => {
    for (const name of ['Nguy?n V?n An', 'Nguy\uFFFDn V\uFFFDn An']) {
      const reading = parseCccdPayload(CARD.replace('Nguyễn Văn An', name));
      expect(reading.identity).toBeNull();
      expect(reading.findings.map((f) => [f.code, f.severity])).toContainEqual(['NAME_GARBLED', 'error']);
    }
  });

  it('warns when an ASCII-only path dropped the accented letters', () => {
    // "Nguyễn Văn An" / "Nữ" with every non-ASCII letter lost.
    const raw = '001194123456|012345678|Nguyn Vn An|15031994|N|S 1 Ph Hu, H Ni|20042021';
    const reading = parseCccdPayload(raw);
    expect(reading.identity?.sex).toBe('female');
    expect(reading.findings.map((f) => f.code)).toEqual(['NAME_MAY_BE_INCOMPLETE', 'SEX_INFERRED']);
    expect(reading.findings[0]?.params).toEqual({ word: 'Vn' });
  });

  it('reads a scanner set to another keyboard layout, and says the separator was wrong', () => {
    const reading = parseCccdPayload(CARD.replaceAll('|', '~'));
    expect(reading.identity).toEqual(AN);
    expect(reading.findings).toEqual([{ code: 'SEPARATOR_SUBSTITUTED', severity: 'warning', params: { separator: '~' } }]);
  });

  it('removes control characters inside the payload and says so', () => {
    const reading = parseCccdPayload(CARD.replace('An|', 'An\u001D|'));
    expect(reading.identity?.fullName).toBe('Nguyễn Văn An');
    expect(reading.findings.map((f) => f.code)).toEqual(['CONTROL_CHARACTERS_REMOVED']);
  });

  it('warns about non-empty fields after the seventh', () => {
    expect(codes(`${CARD}||||extra`)).toEqual(['UNEXPECTED_FIELDS']);
  });
});

describe('what the card says, checked', () => {
  it('keeps a birth year-only or month-only date of birth with its precision', () => {
    const yearOnly = parseCccdPayload(CARD.replace('15031994', '1994'));
    expect(yearOnly.identity).toMatchObject({ dateOfBirth: '1994', dateOfBirthPrecision: 'year' });
    expect(yearOnly.findings).toEqual([{ code: 'DOB_PARTIAL', severity: 'warning', params: { precision: 'year' } }]);
    expect(parseCccdPayload(CARD.replace('15031994', '00031994')).identity).toMatchObject({ dateOfBirth: '1994-03', dateOfBirthPrecision: 'month' });
    expect(parseCccdPayload(CARD.replace('15031994', '00001994')).identity?.dateOfBirthPrecision).toBe('year');
  });

  it('refuses dates that are not dates, naming the field', () => {
    for (const [raw, field] of [
      [CARD.replace('15031994', '1503194'), 'dateOfBirth'],
      [CARD.replace('15031994', '15131994'), 'dateOfBirth'],
      [CARD.replace('20042021', '30022021'), 'issueDate'],
      [CARD.replace('20042021', '2021'), 'issueDate'],
    ] as const) {
      const reading = parseCccdPayload(raw);
      expect(reading.identity).toBeNull();
      expect(reading.findings.find((f) => f.code === 'INVALID_DATE')?.params.field).toBe(field);
    }
  });

  it('checks dates against each other and against today', () => {
    expect(codes(CARD.replace('20042021', '20041990'))).toEqual(['ISSUE_BEFORE_BIRTH']);
    expect(codes(CARD, '2021-04-19')).toEqual(['ISSUE_DATE_IN_FUTURE']);
    expect(codes(CARD, '1990-01-01')).toContain('DOB_IN_FUTURE');
    expect(parseCccdPayload(CARD, { today: '1990-01-01' }).identity).toBeNull();
    expect(codes(CARD, '2026-03-10')).toEqual([]);
  });

  it('accepts an empty issue date and an empty old number', () => {
    const reading = parseCccdPayload(CARD.replace('|012345678|', '||').replace('|20042021', '|'));
    expect(reading.findings).toEqual([]);
    expect(reading.identity).toMatchObject({ oldIdNumber: null, issueDate: null });
  });

  it('refuses an ID number that is not 12 digits, and a missing name or sex', () => {
    expect(codes(CARD.replace('001094123456', '00109412345'))).toContain('ID_NUMBER_INVALID');
    expect(codes(CARD.replace('Nguyễn Văn An', '  '))).toContain('NAME_MISSING');
    expect(codes(CARD.replace('Nguyễn Văn An', 'Nguyễn Văn 4n'))).toContain('NAME_INVALID');
    expect(codes(CARD.replace('|Nam|', '|X|'))).toContain('SEX_INVALID');
  });

  it('warns about an old number that is neither 9 nor 12 digits, and keeps none', () => {
    const reading = parseCccdPayload(CARD.replace('012345678', '01234'));
    expect(reading.identity?.oldIdNumber).toBeNull();
    expect(reading.findings.map((f) => f.code)).toEqual(['OLD_ID_NUMBER_INVALID']);
  });

  it('refuses payloads over 4 KB before reading them', () => {
    const reading = parseCccdPayload(CARD + ' '.repeat(5000));
    expect(reading.findings).toEqual([{ code: 'PAYLOAD_TOO_LONG', severity: 'error', params: { limit: 4096 } }]);
  });

  it('names what a non-card scan is instead', () => {
    expect(parseCccdPayload('HC1:NCFOXN%TS3DH').findings[0]?.params).toEqual({ scanned: 'dcc' });
    expect(parseCccdPayload('https://example.org/x').findings[0]?.params).toEqual({ scanned: 'url' });
    expect(parseCccdPayload('').findings[0]?.params).toEqual({ scanned: 'empty' });
    expect(parseCccdPayload('hello').findings[0]?.params).toEqual({ scanned: 'text' });
  });
});
