/** S3's listing order: keys compared as UTF-8 bytes (differs from `<` only for characters beyond U+FFFF). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
