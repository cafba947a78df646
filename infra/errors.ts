/** A CDK context value (`-c key=value`, cdk.json or `new App({ context })`) that cannot be used; names the key. */
export class InvalidContextError extends Error {
  readonly key: string;

  constructor(key: string, message: string) {
    super(`context "${key}": ${message}`);
    this.name = 'InvalidContextError';
    this.key = key;
  }
}
