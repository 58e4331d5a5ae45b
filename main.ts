// Process entry (`npm start`): serves the Aurora and HubGW APIs.
import { application } from './application.ts';
import { runProcess } from './src/process.ts';

await runProcess(application);
