import type { ObjectStore } from '../store/types.js';

/**
 * Lists prefixes and reads object metadata (lower-cased keys, as S3 returns them), remembering heads so the
 * dedup steps of one conversion do not ask the store twice about an object it has not changed.
 */
export class ObjectMetadataCache {
  private readonly heads = new Map<string, Record<string, string>>();

  constructor(private readonly store: ObjectStore) {}

  /** Keys under `prefix` directly (no nested folders) with their metadata. */
  async list(prefix: string): Promise<Array<{ key: string; metadata: Record<string, string> }>> {
    const out: Array<{ key: string; metadata: Record<string, string> }> = [];
    for (const info of await this.store.list(prefix)) {
      if (info.key.slice(prefix.length).includes('/')) continue;
      out.push({ key: info.key, metadata: await this.metadata(info.key) });
    }
    return out;
  }

  remember(key: string, metadata: Record<string, string>): void {
    this.heads.set(key, lowerKeys(metadata));
  }

  forget(key: string): void {
    this.heads.delete(key);
  }

  private async metadata(key: string): Promise<Record<string, string>> {
    let metadata = this.heads.get(key);
    if (metadata === undefined) {
      metadata = lowerKeys((await this.store.head(key)).metadata);
      this.heads.set(key, metadata);
    }
    return metadata;
  }
}

function lowerKeys(metadata: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k.toLowerCase(), v]));
}
