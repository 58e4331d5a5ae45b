// Process entry (`npm start`): serves the Aurora and HubGW APIs.
import { domain } from './routers/domain.ts';
import { runProcess } from './src/process.ts';

await runProcess(domain);
