// Aurora settings: GET/POST /api/settings, and the Discord metadata the bot publishes (GET/PUT /api/settings/meta).
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noInput } from '../../shared/schemas.ts';
import { readDiscordMeta, readSettings } from './queries.ts';
import { botSettings, discordMeta, settingsPatch, settingsUpdated } from './schemas.ts';
import { publishDiscordMeta, updateSettings } from './service.ts';

const tags = ['aurora: settings'];

export const settingsRouter = router({
  get: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/settings',
        description: "Gets the bot's current configuration.",
        tags,
        summary: 'The whole settings document, defaults filled in',
      },
    })
    .input(noInput)
    .output(botSettings)
    .query(({ ctx }) => readSettings(ctx.em)),

  update: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/settings',
        tags,
        summary: 'Deep-merge a partial settings document',
        description:
          'The merged document is validated as a whole: an unknown key or a bad value answers 400 and changes nothing. __proto__, constructor and prototype are refused.',
        errorResponses: [400],
      },
    })
    .input(settingsPatch)
    .output(settingsUpdated)
    .mutation(({ ctx, input }) => updateSettings(ctx.em, input, ctx.now())),

  meta: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/settings/meta',
        description: 'Gets the Discord metadata (roles, channels, commands).',
        tags,
        summary: 'Roles, channels and commands, as last published by the bot',
      },
    })
    .input(noInput)
    .output(discordMeta)
    .query(({ ctx }) => readDiscordMeta(ctx.em)),

  publishMeta: auroraProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/api/settings/meta',
        description: 'Extension: the bot publishes its Discord metadata, which GET /api/settings/meta then returns.',
        tags,
        summary: "Publish the bot's Discord metadata",
        errorResponses: [400],
      },
    })
    .input(discordMeta)
    .output(discordMeta)
    .mutation(({ ctx, input }) => publishDiscordMeta(ctx.em, input, ctx.now())),
});
