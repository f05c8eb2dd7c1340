import type { ConfigCredentials, ConfigProperties } from '../../nodes/runtime/config/config-settings';

export type ConfigTab = 'connection' | 'authentication' | 'obo' | 'network';

/** Tabs of the config dialog, in order. */
export const CONFIG_TABS: readonly ConfigTab[] = ['connection', 'authentication', 'obo', 'network'];

interface FieldBase {
  tab: ConfigTab;
  /** Show the row only while another input has a value: `authType=rsa`; `appId=` means "any non-blank". */
  when?: string;
  /** Font Awesome 4 icon name; the input kind's icon when absent. */
  icon?: string;
  /** Only for a pod: hidden, and neither required nor checked, while the built-in simulator is chosen. */
  podOnly?: true;
}

export interface PropertyField extends FieldBase {
  credential: false;
  input: 'text' | 'number' | 'checkbox' | 'select' | 'pem' | 'lines';
  value: string | number | boolean;
  required?: boolean;
  /** JS source of a validator, evaluated in the editor. */
  validate?: string;
  choices?: readonly string[];
}

/** Every credential is a `password` credential: Node-RED withholds only those from the editor and exports. */
export interface CredentialField extends FieldBase {
  credential: true;
  /** `password`: one line; `secret-pem`/`secret-base64`: masked textarea with a load-from-file button. */
  input: 'password' | 'secret-pem' | 'secret-base64';
}

export type ConfigField = PropertyField | CredentialField;

/**
 * Keyed by the runtime's own property and credential names, so a name added to or dropped from the runtime's
 * ConfigProperties or CONFIG_CREDENTIALS breaks this build until the dialog follows. Written in dialog order.
 */
type ConfigFields = { [K in keyof Required<ConfigProperties>]: PropertyField }
  & { [K in keyof Required<ConfigCredentials>]: CredentialField };

const URL_REQUIRED = 'SymphonyEditor.urlValidator(true)';
const URL_OPTIONAL = 'SymphonyEditor.urlValidator(false)';

export const CONFIG_FIELDS: ConfigFields = {
  connectTo: { credential: false, tab: 'connection', input: 'select', value: 'pod', choices: ['pod', 'simulator'], icon: 'plug' },
  name: { credential: false, tab: 'connection', input: 'text', value: '', icon: 'tag' },
  podUrl: { credential: false, tab: 'connection', input: 'text', value: '', required: true, validate: URL_REQUIRED, podOnly: true },
  agentUrl: { credential: false, tab: 'connection', input: 'text', value: '', validate: URL_OPTIONAL, podOnly: true },
  agentUrls: { credential: false, tab: 'connection', input: 'lines', value: '', validate: 'SymphonyEditor.urlListValidator()', podOnly: true },
  agentBalancing: { credential: false, tab: 'connection', input: 'select', value: 'sticky', choices: ['sticky', 'round-robin'], icon: 'random', podOnly: true },
  keyManagerUrl: { credential: false, tab: 'connection', input: 'text', value: '', validate: URL_OPTIONAL, podOnly: true },
  botUsername: { credential: false, tab: 'connection', input: 'text', value: '', required: true, icon: 'user', podOnly: true },
  authType: { credential: false, tab: 'authentication', input: 'select', value: 'rsa', choices: ['rsa', 'certificate'] },
  privateKey: { credential: true, tab: 'authentication', input: 'secret-pem', when: 'authType=rsa', podOnly: true },
  privateKeyPassphrase: { credential: true, tab: 'authentication', input: 'password', when: 'authType=rsa', podOnly: true },
  sessionAuthUrl: { credential: false, tab: 'authentication', input: 'text', value: '', validate: URL_OPTIONAL, when: 'authType=certificate', podOnly: true },
  keyAuthUrl: { credential: false, tab: 'authentication', input: 'text', value: '', validate: URL_OPTIONAL, when: 'authType=certificate', podOnly: true },
  clientCertificate: { credential: true, tab: 'authentication', input: 'secret-pem', when: 'authType=certificate', podOnly: true },
  clientKey: { credential: true, tab: 'authentication', input: 'secret-pem', when: 'authType=certificate', podOnly: true },
  pkcs12: { credential: true, tab: 'authentication', input: 'secret-base64', when: 'authType=certificate', podOnly: true },
  certificatePassphrase: { credential: true, tab: 'authentication', input: 'password', when: 'authType=certificate', podOnly: true },
  appId: { credential: false, tab: 'obo', input: 'text', value: '', icon: 'id-badge', podOnly: true },
  appPrivateKey: { credential: true, tab: 'obo', input: 'secret-pem', when: 'appId=', podOnly: true },
  appPrivateKeyPassphrase: { credential: true, tab: 'obo', input: 'password', when: 'appId=', podOnly: true },
  oboCacheSize: { credential: false, tab: 'obo', input: 'number', icon: 'users', value: 100, validate: 'SymphonyEditor.numberValidator(1, true)' },
  proxyUrl: { credential: false, tab: 'network', input: 'text', value: '', validate: URL_OPTIONAL, podOnly: true },
  proxyUsername: { credential: false, tab: 'network', input: 'text', value: '', icon: 'user', podOnly: true },
  proxyPassword: { credential: true, tab: 'network', input: 'password', podOnly: true },
  caCertificates: { credential: false, tab: 'network', input: 'pem', value: '', podOnly: true },
  timeout: { credential: false, tab: 'network', input: 'number', icon: 'clock-o', value: 30, validate: 'SymphonyEditor.numberValidator(1, false)' },
  maxRetries: { credential: false, tab: 'network', input: 'number', icon: 'repeat', value: 3, validate: 'SymphonyEditor.numberValidator(0, true)' },
  retryUnsafe: { credential: false, tab: 'network', input: 'checkbox', value: false, icon: 'exclamation-triangle' },
};

export function configFieldEntries(): Array<[string, ConfigField]> {
  return Object.entries(CONFIG_FIELDS);
}
