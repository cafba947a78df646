/** Column groups of `reporting_ocpusagelineitem_daily_summary` that the bench's queries and comparisons share. */

/** The capacity columns of Pod and unallocated rows (spec §6, §8.2). */
export const CAPACITY_COLUMNS: readonly string[] = [
  'node_capacity_cpu_cores',
  'node_capacity_cpu_core_hours',
  'node_capacity_memory_gigabytes',
  'node_capacity_memory_gigabyte_hours',
  'cluster_capacity_cpu_core_hours',
  'cluster_capacity_memory_gigabyte_hours',
];
