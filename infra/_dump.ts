import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { KokuPipelineStack } from './kokuPipelineStack.js';
import { readPipelineConfig } from './pipelineConfig.js';
const ctx = JSON.parse(process.argv[2] ?? '{}');
const app = new App({ context: { 'aws:cdk:bundling-stacks': [], ...ctx } });
const config = readPipelineConfig(app.node);
const stack = new KokuPipelineStack(app, config.stackName, { config });
console.log(JSON.stringify(Template.fromStack(stack).toJSON(), null, 1));
