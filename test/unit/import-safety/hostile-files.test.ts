import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../main/domain/target-import/decode-bytes';
import { looksLikeFormula, neutraliseForCsv } from '../../../main/domain/import-safety/formula-cells';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('hostile spreadsheet files', () => {
  it('reads a UTF-8 file with a BOM without the BOM in the first header', () => {
    const r = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('ho_ten,ngay_sinh\nNguyễn Văn An,01/02/1990\n')]));
    expect(r.ok && r.text.startsWith('ho_ten')).toBe(true);
    expect(r.ok && r.encoding).toBe('utf-8');
  });

  it('refuses UTF-8 damaged in the middle, naming the line, instead of decoding it as Windows-1258', () => {
    const good = utf8('ho_ten,ngay_sinh\nNguyễn Văn An,01/02/1990\n');
    const bytes = new Uint8Array([...good, ...utf8('Trần '), 0xc3, 0x28, ...utf8(',03/04/1985\n')]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: false, code: 'IMPORT_INVALID_UTF8', params: { line: '3' } });
  });

  it('recognises TCVN3 (ABC) text and reports it rather than garbling the names', () => {
    // "Nguyễn Văn An, Hà Nội, Việt Nam" as the .VnTime fonts store it: NguyÔn V¨n An, Hµ Néi, ViÖt Nam.
    const tcvn3 = new Uint8Array([...utf8('ho_ten,dia_chi\nNguy'), 0xd4, ...utf8('n V'), 0xa8, ...utf8('n An,H'), 0xb5, ...utf8(' N'), 0xe9, ...utf8('i Vi'), 0xd6, ...utf8('t Nam\n')]);
    expect(decodeCsvBytes(tcvn3)).toMatchObject({ ok: false, code: 'IMPORT_ENCODING_TCVN3' });
  });

  it('decodes Windows-1258 (combining tone marks) to the same names as UTF-8', () => {
    // "Nguyễn Văn An": ê (0xEA) + combining tilde (0xDE), ă (0xE3).
    const cp1258 = new Uint8Array([...utf8('ho_ten,ngay_sinh\nNguy'), 0xea, 0xde, ...utf8('n V'), 0xe3, ...utf8('n An,01/02/1990\n')]);
    const r = decodeCsvBytes(cp1258);
    expect(r.ok && r.encoding).toBe('windows-1258');
    expect(r.ok && r.text.includes('Nguyễn Văn An')).toBe(true);
  });

  it('neutralises formula-looking text for a CSV export and leaves ordinary text alone', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(looksLikeFormula(s)).toBe(true);
      expect(neutraliseForCsv(s)).toBe(`'${s}`);
    }
    expect(neutraliseForCsv('Nguyễn Văn An')).toBe('Nguyễn Văn An');
  });
});
