// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs
// the Reflect metadata API before the library loads; and it does its crypto
// through WebCrypto, which under Node is node:crypto's. Import it from here only.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };
