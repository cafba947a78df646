#!/usr/bin/env node
// CDK entry (cdk.json "app"). Every setting comes from context: `cdk deploy -c target=localstack -c …`;
// infra/pipelineConfig.ts names the keys and their defaults.
import { App } from 'aws-cdk-lib';
import { KokuPipelineStack } from './kokuPipelineStack.js';
import { readPipelineConfig } from './pipelineConfig.js';

const app = new App();
const config = readPipelineConfig(app.node);
new KokuPipelineStack(app, config.stackName, {
  config,
  description: `Koku serverless aggregator: S3 Parquet -> SQS -> Lambda -> PostgreSQL summaries (target ${config.target})`,
});
app.synth();
