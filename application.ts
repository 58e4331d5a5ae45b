// The server as this project runs it: the two APIs' procedures, their tables, the REST transport with each family's
// error format and the document's text, and the live page. `npm start` serves it; the tests start it as well.
import type { Application } from './src/application.ts';
import { restAdapter, type RestAdapterOptions } from './rest-adapter/index.ts';
import { livePageRouter } from './live-page/route.ts';
import { persistence } from './persistence.ts';
import { auroraErrorFormat } from './routers/aurora/error-format.ts';
import { aurora } from './routers/aurora/procedure.ts';
import { domain } from './routers/domain.ts';
import { hubgwErrorFormat } from './routers/hubgw/error-format.ts';
import { hubgw } from './routers/hubgw/procedure.ts';
import { documentText } from './routers/openapi-text.ts';

export const restOptions: RestAdapterOptions = {
  // Paths no family claims (the server's own) answer as Aurora always has: `{"error": ...}`.
  formats: {
    byFamily: { [aurora.family]: auroraErrorFormat, [hubgw.family]: hubgwErrorFormat },
    fallback: auroraErrorFormat,
  },
  document: documentText,
};

export const application: Application = {
  domain,
  persistence,
  transport: restAdapter(restOptions),
  pages: [livePageRouter()],
};
