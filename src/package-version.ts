// The one version the server reports anywhere (`server.status`, the OpenAPI document's `info.version`): package.json's.
import { readFileSync } from 'node:fs';

export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
