/** Values the pod administration tests and conformance steps share. */
import { testCertificates } from './certificates';

/** The identity provider of the SSO tests, its signing certificate a real one. */
export const IDP = {
  entityId: 'https://idp.simulated-bank.example',
  ssoEndpoint: 'https://idp.simulated-bank.example/sso',
  certificate: (): string => testCertificates().caPem,
} as const;
