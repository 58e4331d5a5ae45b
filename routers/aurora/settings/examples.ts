// The examples of Aurora settings: the whole document as the defaults fill it in, a partial change, the Discord
// metadata as the document gives it.
import type { RouteExample } from '#src/trpc/route-example.ts';
import { AppError } from '#src/errors.ts';
import { botSettings } from './schemas.ts';

const defaults = botSettings.parse({});
const meta = {
  roles: [{ id: '123', name: 'Admin', color: '#FF0000' }],
  channels: [{ id: '456', name: 'general', type: 0 }],
  commands: [{ name: 'daily', category: 'economy' }],
};

export const settingsExamples = {
  get: { response: defaults },
  update: {
    request: { economy: { daily: { amount: '150' } } },
    response: {
      success: true,
      settings: { ...defaults, economy: { ...defaults.economy, daily: { ...defaults.economy.daily, amount: '150' } } },
    },
    errors: [AppError.validation('economy.daily.amout', 'is not a settings key')],
  },
  meta: { response: meta },
  publishMeta: { request: meta, response: meta },
} satisfies Record<string, RouteExample>;
