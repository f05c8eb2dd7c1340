/** Pod-wide settings an administrator changes: uploadable file extensions, link protocols, the SSO configuration. */

/** The spec's FileExtension. */
export interface FileExtension {
  extension: string;
  scope_internal?: boolean;
  scope_external?: boolean;
  scope_xpod?: boolean;
  source?: 'SYSTEM' | 'CUSTOMER';
}

/** The spec's SsoConfiguration. */
export interface SsoConfiguration {
  ssoEnabled?: boolean;
  idpEntityId?: string;
  idpSsoEndpoint?: string;
  idpSigningCertificate?: string;
  symphonyAcsUrl?: string;
  symphonyEntityId?: string;
  forceAuthn?: boolean;
}

/** The attachment extensions the simulated pod starts with. */
const SYSTEM_EXTENSIONS: readonly string[] = [
  '.csv', '.doc', '.docx', '.gif', '.jpeg', '.jpg', '.json', '.msg', '.pdf', '.png', '.ppt', '.pptx', '.rtf', '.txt',
  '.xls', '.xlsx', '.xml', '.zip',
];

/** The URI schemes the simulated pod starts with, besides http and https. */
const SYSTEM_PROTOCOLS: readonly string[] = ['ftp', 'mailto', 'sip', 'skype', 'tel'];

export class PodSettingsState {
  /** By extension in lower case. */
  readonly fileExtensions = new Map<string, FileExtension>();
  /** URI schemes in lower case, in the order added. */
  readonly protocols: string[] = [...SYSTEM_PROTOCOLS];
  /** Undefined until an administrator stores one. */
  sso: SsoConfiguration | undefined;

  constructor() {
    for (const extension of SYSTEM_EXTENSIONS) {
      this.fileExtensions.set(extension, { extension, scope_internal: true, scope_external: true, scope_xpod: true, source: 'SYSTEM' });
    }
  }

  /** Every extension, sorted. */
  extensions(): FileExtension[] {
    return [...this.fileExtensions.values()].sort((a, b) => (a.extension < b.extension ? -1 : a.extension > b.extension ? 1 : 0));
  }
}
