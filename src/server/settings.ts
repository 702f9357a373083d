// The `apigw.validation.*` settings, read per document through workspace/configuration.

export interface ValidationSettings {
  enable: boolean;
  target: 'auto' | 'REST' | 'HTTP';
}

export const defaultSettings: ValidationSettings = { enable: true, target: 'auto' };

/** The settings from whatever the client sent (`apigw.validation` section); bad values fall back to defaults. */
export function readValidationSettings(raw: unknown): ValidationSettings {
  if (typeof raw !== 'object' || raw === null) return defaultSettings;
  const { enable, target } = raw as Record<string, unknown>;
  return {
    enable: typeof enable === 'boolean' ? enable : defaultSettings.enable,
    target: target === 'REST' || target === 'HTTP' || target === 'auto' ? target : defaultSettings.target,
  };
}

/** Settings per document URI, fetched once and kept until the configuration changes. */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<ValidationSettings>>();

  constructor(private readonly fetch: (uri: string) => Promise<unknown>) {}

  get(uri: string): Promise<ValidationSettings> {
    let settings = this.cache.get(uri);
    if (settings === undefined) {
      settings = this.fetch(uri).then(readValidationSettings, () => defaultSettings);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
