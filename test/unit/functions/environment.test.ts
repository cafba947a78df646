import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sslOptions } from '../../../functions/shared/clients.js';
import { dayAggregatorEnvSchema, finalizerEnvSchema, loggerServiceName, readEnv } from '../../../functions/shared/environment.js';

const base = { DATA_BUCKET: 'data', PARTIALS_BUCKET: 'partials', DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db' };

describe('Lambda environment', () => {
  it('reads DB_SSL as true (encrypted), verify-full (certificate and host checked) or false, and refuses anything else', () => {
    assert.equal(readEnv(finalizerEnvSchema, base).DB_SSL, 'true');
    assert.deepEqual(sslOptions(readEnv(finalizerEnvSchema, { ...base, DB_SSL: 'verify-full' }).DB_SSL), { rejectUnauthorized: true });
    assert.deepEqual(sslOptions('true'), { rejectUnauthorized: false });
    assert.equal(sslOptions('false'), false);
    assert.throws(() => readEnv(finalizerEnvSchema, { ...base, DB_SSL: 'yes' }), /invalid Lambda environment: .*DB_SSL/s);
  });

  it('gives CREATE_REPORT_PERIODS to the finalizer, the only function that creates report periods', () => {
    assert.equal(readEnv(finalizerEnvSchema, { ...base, CREATE_REPORT_PERIODS: 'false' }).CREATE_REPORT_PERIODS, 'false');
    assert.equal('CREATE_REPORT_PERIODS' in readEnv(dayAggregatorEnvSchema, { ...base, FINALIZE_QUEUE_URL: 'q' }), false);
  });

  it('names the logger after POWERTOOLS_SERVICE_NAME when the stack sets it', () => {
    assert.equal(loggerServiceName('koku-finalizer', { POWERTOOLS_SERVICE_NAME: 'koku-finalizer-prod' }), 'koku-finalizer-prod');
    assert.equal(loggerServiceName('koku-finalizer', {}), 'koku-finalizer');
  });
});
