import { z } from 'zod';
import { daysInMonth } from '../common/days.js';
import { InvalidMessageError } from './errors.js';
import type { FinalizeRequest, ReplayRequest } from './types.js';

const uuid = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'must be a UUID');
const account = z.string().regex(/^[A-Za-z0-9_]{1,63}$/, 'must be a Koku account (schema name without "acct")');
const year = z.number().int().min(2000).max(2100);
const month = z.number().int().min(1).max(12);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

const s3EventRecord = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string().startsWith('ObjectCreated:'),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({ key: z.string().min(1), eTag: z.string().optional(), size: z.number().optional() }),
  }),
});

const s3Event = z.object({ Records: z.array(s3EventRecord).min(1) });

const s3TestEvent = z.object({ Event: z.literal('s3:TestEvent') });

export const replayRequestSchema = z
  .object({
    type: z.literal('replay'),
    account,
    providerType: z.enum(['OCP', 'AWS']),
    providerUuid: uuid,
    year,
    month,
    days: z.array(z.number().int().min(1).max(31)).min(1).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    // 1-31 above; here the month's own length, so `days: [31]` for November fails at parse time, not when the day runs.
    const bad = (r.days ?? []).filter((d) => d > daysInMonth(r.year, r.month));
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['days'], message: `${r.year}-${String(r.month).padStart(2, '0')} has no day ${bad.join(', ')}` });
    }
  });

export const finalizeRequestSchema = z
  .object({
    type: z.literal('finalize'),
    account,
    providerType: z.enum(['OCP', 'AWS']),
    providerUuid: uuid,
    year,
    month,
    days: z.array(isoDay).min(1),
    force: z.boolean().optional(),
    summaryType: z.enum(['ocp_daily_summary', 'ocp_aws_daily_summary']).optional(),
  })
  .strict();

export interface S3ObjectCreated {
  bucket: string;
  /** Still URL-encoded as the notification carries it; decode with `decodeS3EventKey`. */
  rawKey: string;
  eTag?: string;
  size?: number;
}

export type IngestMessage =
  | { kind: 's3'; objects: S3ObjectCreated[] }
  | { kind: 'test' }
  | { kind: 'replay'; replay: ReplayRequest };

/**
 * Parses a body of the ingest queue: an S3 event notification, S3's test event, or a replay request.
 *
 * @example
 * parseIngestMessage(record.messageId, record.body) // { kind: 'replay', replay: { type: 'replay', ... } }
 */
export function parseIngestMessage(messageId: string, body: string): IngestMessage {
  const json = parseJson(messageId, body);
  if (isObject(json) && json.type === 'replay') {
    return { kind: 'replay', replay: validate(messageId, replayRequestSchema, json, 'replay message') };
  }
  if (s3TestEvent.safeParse(json).success) return { kind: 'test' };
  if (isObject(json) && 'Records' in json) {
    const event = validate(messageId, s3Event, json, 'S3 event notification');
    return {
      kind: 's3',
      objects: event.Records.map((r) => ({
        bucket: r.s3.bucket.name,
        rawKey: r.s3.object.key,
        eTag: r.s3.object.eTag,
        size: r.s3.object.size,
      })),
    };
  }
  throw new InvalidMessageError(`message ${messageId}`, 'not an S3 event notification, s3:TestEvent or replay message');
}

/** Parses a body of the finalize queue. */
export function parseFinalizeMessage(messageId: string, body: string): FinalizeRequest {
  return validate(messageId, finalizeRequestSchema, parseJson(messageId, body), 'finalize message');
}

function parseJson(messageId: string, body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (err) {
    throw new InvalidMessageError(`message ${messageId}`, `body is not JSON: ${(err as Error).message}`);
  }
}

function validate<T>(messageId: string, schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidMessageError(`message ${messageId}`, `invalid ${what}: ${z.prettifyError(result.error)}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
