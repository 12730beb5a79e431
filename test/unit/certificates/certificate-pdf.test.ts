import { describe, expect, it } from 'vitest';
import { toQrMatrix } from '../../../main/certificates/dcc/qr';
import { renderCertificatePdf } from '../../../main/certificates/pdf/certificate-pdf';

const HC1 = `HC1:${'6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N'.repeat(12)}`;

function paper(paperSize: 'A5' | 'A6', provisional: boolean) {
  return renderCertificatePdf({
    paper: paperSize,
    provisional,
    holder: { fullName: 'Đặng Hữu Đạt', dateOfBirth: '1960-12-23', idNumber: '066060002026', passportNumber: null },
    doses: [{ doseNumber: 1, seriesDoses: 2, givenOn: '2026-03-10', vaccine: 'Comirnaty', lot: 'FK5127', place: 'Trạm Y tế Phường Bến Nghé' }],
    issuedOn: '2026-03-10',
    validUntil: '2027-03-10',
    issuer: 'Trạm Y tế Phường Bến Nghé',
    uvci: 'URN:UVCI:01:VN:03HAHWKIYKBK84JFYL8BM4TMV#K',
    qr: toQrMatrix(HC1),
  });
}

describe('the printed certificate', () => {
  it('is one A5 or A6 page with the font embedded', async () => {
    for (const [size, box] of [['A6', '297.64 419.53'], ['A5', '419.53 595.28']] as const) {
      const text = (await paper(size, true)).toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
      expect(text).toContain(`/MediaBox [0 0 ${box}]`);
      expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
      expect(text).toContain('BeVietnamPro');
    }
  });

  it('says PROVISIONAL in its title only when it is', async () => {
    expect((await paper('A6', true)).toString('latin1')).toContain('PROVISIONAL COVID-19 vaccination certificate');
    expect((await paper('A6', false)).toString('latin1')).not.toContain('PROVISIONAL');
  });
});

/** The words on the page, as a reader (pdf.js) gets them from the PDF. */
async function pageText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

describe('the next dose on the certificate of an unfinished series', () => {
  it('names the vaccine, the dose and the first day, in both languages', async () => {
    const base = await paper('A6', true);
    const withNext = await renderCertificatePdf({
      paper: 'A6',
      provisional: true,
      holder: { fullName: 'Đặng Hữu Đạt', dateOfBirth: '1960-12-23', idNumber: '066060002026', passportNumber: null },
      doses: [{ doseNumber: 1, seriesDoses: 2, givenOn: '2026-03-10', vaccine: 'Comirnaty', lot: 'FK5127', place: 'Trạm Y tế Phường Bến Nghé' }],
      nextDose: { vaccine: 'Comirnaty', doseNumber: 2, seriesDoses: 2, fromDate: '2026-03-31' },
      issuedOn: '2026-03-10',
      validUntil: '2027-03-10',
      issuer: 'Trạm Y tế Phường Bến Nghé',
      uvci: 'URN:UVCI:01:VN:03HAHWKIYKBK84JFYL8BM4TMV#K',
      qr: toQrMatrix(HC1),
    });
    const text = await pageText(withNext);
    expect(text).toContain('Mũi tiếp theo / Next dose: Comirnaty 2/2, từ / from 31/03/2026');
    expect(await pageText(base)).not.toContain('Next dose');
  });
});
