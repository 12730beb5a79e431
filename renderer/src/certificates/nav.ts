/** The two certificate screens every desk reaches: the certificate desk (Alt+6) and Verify (Alt+7). */
export const CERTIFICATE_NAV = [
  { key: 'certificates', path: '/certificates', digit: '6' },
  { key: 'verify', path: '/verify', digit: '7' },
] as const;
