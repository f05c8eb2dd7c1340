/** Values the pod administration tests and conformance steps share. */

/** A PEM-shaped identity provider certificate: the simulator checks its form, not its signature. */
export const IDP_CERTIFICATE = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBszCCAVmgAwIBAgIUQ2VydGlmaWNhdGVGb3JUZXN0c0FuZERlbW9zMAoGCCqGSM49BAMCMBYxFDASBgNVBAMMC2lkcC5leGFtcGxl',
  '-----END CERTIFICATE-----',
].join('\n');

export const IDP = { entityId: 'https://idp.simulated-bank.example', ssoEndpoint: 'https://idp.simulated-bank.example/sso' } as const;
