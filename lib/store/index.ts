export * from './errors.js';
export type * from './types.js';
export { LocalObjectStore } from './LocalObjectStore.js';
export { MemoryObjectStore } from './MemoryObjectStore.js';
export { RangeBlob } from './RangeBlob.js';
export type { RangeReader } from './RangeBlob.js';
export { S3ObjectStore } from './S3ObjectStore.js';
export type { S3ObjectStoreOptions } from './S3ObjectStore.js';
export { md5Etag } from './md5Etag.js';
