export interface SettingsFileOptions {
  uiPort: number;
  credentialSecret: string;
}

/** The demo's Node-RED settings.js: loopback only, no admin auth, credentials encrypted with the demo secret. */
export function settingsFileSource({ uiPort, credentialSecret }: SettingsFileOptions): string {
  const settings = {
    uiHost: '127.0.0.1',
    uiPort,
    flowFile: 'flows.json',
    flowFilePretty: true,
    credentialSecret,
    logging: { console: { level: 'info', metrics: false, audit: false } },
    // No welcome tour over the example flows a newcomer came to click.
    editorTheme: { projects: { enabled: false }, tours: false },
    // The demo runs offline: no telemetry consent prompt, no update check against nodered.org.
    telemetry: { enabled: false, updateNotification: false },
  };
  return `// Written by \`npm start\` (scripts/start.ts) on every start; edits here are overwritten.
module.exports = ${JSON.stringify(settings, null, 4)};
`;
}
