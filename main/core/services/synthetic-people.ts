import { PROVINCE_CODES } from '../../domain/provinces';
import { addDays } from '../../domain/site-time';

/**
 * Synthetic, clearly fabricated citizens for demos, tests and benchmarks.
 * Deterministic (seeded) so a failing test or a benchmark is reproducible;
 * ID numbers agree with birth year, sex and a real province code.
 */
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE_MALE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quốc', 'Thanh', 'Xuân', 'Công'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Minh', 'Thanh', 'Kim', 'Diệu', 'Bảo'];
const GIVEN_MALE = ['An', 'Bình', 'Dũng', 'Đạt', 'Hải', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tuấn', 'Việt', 'Trí', 'Lộc'];
const GIVEN_FEMALE = ['Châu', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Phương', 'Tâm', 'Thảo', 'Trang', 'Vy', 'Yến'];
const STREETS = ['Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Phan Chu Trinh', 'Điện Biên Phủ'];

export interface SyntheticPerson {
  idNumber: string | null;
  fullName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  phone: string;
  address: string;
}

/** mulberry32: small, fast, good enough for fabricated test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = Object.keys(PROVINCE_CODES);

export function* syntheticPeople(count: number, seed = 1, options: { withoutIdEvery?: number } = {}): Generator<SyntheticPerson> {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  for (let i = 0; i < count; i++) {
    const sex = rnd() < 0.5 ? 'male' : 'female';
    const dateOfBirth = addDays('1940-01-01', Math.floor(rnd() * 365.25 * 68));
    const year = Number(dateOfBirth.slice(0, 4));
    const centuryDigit = (Math.floor(year / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
    // The serial makes every number unique within a run; the prefix follows the ID rules.
    const serial = String((i * 7919 + seed) % 1_000_000).padStart(6, '0');
    const idNumber = `${pick(PROVINCES)}${centuryDigit}${String(year % 100).padStart(2, '0')}${serial}`;
    const fullName = `${pick(FAMILY)} ${pick(sex === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE)} ${pick(sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE)}`;
    const withoutId = options.withoutIdEvery ? i % options.withoutIdEvery === options.withoutIdEvery - 1 : false;
    yield {
      idNumber: withoutId ? null : idNumber,
      fullName,
      dateOfBirth,
      sex,
      phone: `09${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`,
      address: `${1 + Math.floor(rnd() * 200)} ${pick(STREETS)}, Phường Bến Nghé, Quận 1, Hồ Chí Minh`,
    };
  }
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A target-list CSV in the documented column layout (Vietnamese headers, dd/MM/yyyy dates). */
export function syntheticTargetCsv(people: Iterable<SyntheticPerson>, product = 'comirnaty'): string {
  const lines = ['so_cccd,ho_ten,ngay_sinh,gioi_tinh,so_dien_thoai,dia_chi,nhom_doi_tuong,vac_xin,mui_thu'];
  for (const p of people) {
    const [y, m, d] = p.dateOfBirth.split('-');
    lines.push(
      [p.idNumber ?? '', p.fullName, `${d}/${m}/${y}`, p.sex === 'male' ? 'Nam' : 'Nữ', p.phone, p.address, 'adults_18_plus', product, '1']
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
