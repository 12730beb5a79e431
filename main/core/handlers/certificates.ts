import type { certificatesOps } from '../../../preload/contract';
import type { Handlers } from '../handler-types';
import type { Services } from '../services';

type CertificatesOps = keyof typeof certificatesOps;

export function certificatesHandlers(_s: Services): Handlers<CertificatesOps> {
  return {};
}
