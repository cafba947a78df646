/** CPU milliseconds (user + system) this process used since `start`. */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Peak resident set size of this process so far, MiB (`maxRSS` is in KiB on Linux). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
