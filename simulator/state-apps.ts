/**
 * Extension apps as the admin endpoints see them (their ApplicationDetail), the company's app entitlements, each
 * user's own entitlement settings, and the service accounts' manifests. An app's RSA key and permissions are also
 * kept in SimulatorState.apps, which app and OBO authentication read.
 */

/** The spec's ApplicationDetail, as stored (and answered). */
export interface ApplicationDetail {
  applicationInfo: { appId: string; name?: string; appUrl?: string; domain?: string; publisher?: string };
  iconUrl?: string;
  description?: string;
  allowOrigins?: string;
  permissions?: string[];
  cert?: string;
  authenticationKeys?: { current?: AppKey; previous?: AppKey };
  notification?: { url?: string; apiKey?: string };
  properties?: Array<{ key?: string; value?: string }>;
}
export interface AppKey { key?: string; expirationDate?: number; action?: string }

/** The spec's PodAppEntitlement. */
export interface CompanyEntitlement { appId: string; appName: string; enable: boolean; listed: boolean; install: boolean }

/** The spec's Product. */
export interface Product { appId?: string; name: string; sku?: string; subscribed: boolean; type: string }

/** What a user's own settings change for one app; an absent flag follows the company's. */
export interface UserAppSetting {
  listed?: boolean;
  install?: boolean;
  /** Product name to subscribed. */
  subscriptions: Map<string, boolean>;
}

export class AppsAdminState {
  /** Created through the API, by app id. */
  readonly details = new Map<string, ApplicationDetail>();
  /** In the order apps were added. */
  readonly entitlements = new Map<string, CompanyEntitlement>();
  /** The products an app offers, by app id. */
  readonly products = new Map<string, Product[]>();
  /** By user id, then app id. */
  readonly userSettings = new Map<number, Map<string, UserAppSetting>>();
  /** Service account manifests (JSON text), by user id. */
  readonly manifests = new Map<number, string>();

  constructor() {
    this.entitlements.set('djApp', { appId: 'djApp', appName: 'Dow Jones', enable: true, listed: true, install: false });
    this.entitlements.set('selerity', { appId: 'selerity', appName: 'Selerity Context', enable: true, listed: true, install: true });
    this.entitlements.set('legacyCharts', { appId: 'legacyCharts', appName: 'Legacy Charts', enable: false, listed: false, install: false });
    this.products.set('selerity', [
      { appId: 'selerity', name: 'Standard', subscribed: true, type: 'default' },
      { appId: 'selerity', name: 'Premium', sku: 'AcDccU53SsY', subscribed: false, type: 'premium' },
    ]);
  }

  setting(userId: number, appId: string): UserAppSetting {
    let byApp = this.userSettings.get(userId);
    if (!byApp) this.userSettings.set(userId, (byApp = new Map()));
    let setting = byApp.get(appId);
    if (!setting) byApp.set(appId, (setting = { subscriptions: new Map() }));
    return setting;
  }

  /** A user's apps: the enabled ones, with the user's own settings over the company's. */
  userView(userId: number): Array<{ appId: string; appName: string; listed: boolean; install: boolean; products?: Product[] }> {
    const own = this.userSettings.get(userId);
    return [...this.entitlements.values()].filter((e) => e.enable).map((e) => {
      const setting = own?.get(e.appId);
      const products = this.products.get(e.appId)?.map((p) => ({ ...p, subscribed: setting?.subscriptions.get(p.name) ?? p.subscribed }));
      return {
        appId: e.appId, appName: e.appName, listed: setting?.listed ?? e.listed, install: setting?.install ?? e.install,
        ...(products ? { products } : {}),
      };
    });
  }

  /** Forgets an app everywhere. */
  remove(appId: string): void {
    this.details.delete(appId);
    this.entitlements.delete(appId);
    this.products.delete(appId);
    for (const byApp of this.userSettings.values()) byApp.delete(appId);
  }
}
