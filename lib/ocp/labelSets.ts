import { EMPTY_LABELS } from './labels.js';
import type { LabelFilter } from './labels.js';
import type { StringPool } from './stringPool.js';
import { TupleIndex } from '../common/tupleIndex.js';
import type { FilteredLabels } from './types.js';

/**
 * The distinct filtered label maps of each node (or namespace) for one day (spec §5.2). Koku takes DISTINCT
 * (day, node, filtered map) and LEFT-joins it, so a node whose labels changed during the day yields several maps
 * and every row on that node fans out once per map.
 */
export class LabelSetAccumulator {
  private readonly pairs = new TupleIndex(2, 256);

  /** One daily label row: interned entity (node or namespace) and raw label text ids; true when new. */
  add(entityId: number, labelsId: number): boolean {
    this.pairs.key[0] = entityId;
    this.pairs.key[1] = labelsId;
    const before = this.pairs.size;
    return this.pairs.intern() === before;
  }

  /** Filters each raw map once and keeps the distinct results per entity. */
  finish(pool: StringPool, filter: LabelFilter, subject: string): LabelSets {
    const byEntity = new Map<string | null, Map<string, FilteredLabels>>();
    for (let id = 0; id < this.pairs.size; id++) {
      const entity = pool.value(this.pairs.get(id, 0));
      const filtered = filter.filtered(pool.value(this.pairs.get(id, 1)), subject);
      let sets = byEntity.get(entity);
      if (!sets) byEntity.set(entity, (sets = new Map()));
      // DISTINCT runs on the filtered JSON (NULL distinct from {}); the join then coalesces NULL to {}.
      if (!sets.has(filtered.key)) sets.set(filtered.key, filtered.labels === null ? EMPTY_LABELS : filtered);
    }
    return new LabelSets(byEntity);
  }
}

/** Lookup side of `LabelSetAccumulator`. */
export class LabelSets {
  private static readonly NONE: readonly FilteredLabels[] = [EMPTY_LABELS];
  private readonly lists = new Map<string, readonly FilteredLabels[]>();

  constructor(byEntity: Map<string | null, Map<string, FilteredLabels>> = new Map()) {
    for (const [entity, sets] of byEntity) if (entity !== null) this.lists.set(entity, [...sets.values()]);
  }

  /** The maps to fan out over; `[{}]` when the entity has none (LEFT JOIN miss + coalesce). NULL never joins. */
  of(entity: string | null): readonly FilteredLabels[] {
    if (entity === null) return LabelSets.NONE;
    return this.lists.get(entity) ?? LabelSets.NONE;
  }
}
