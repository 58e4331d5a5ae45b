// Aurora settings: GET/POST /api/settings, and the Discord metadata the bot publishes (GET/PUT /api/settings/meta).
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noInput } from '../../shared/schemas.ts';
import { readDiscordMeta, readSettings } from './queries.ts';
import { botSettings, discordMeta, settingsPatch, settingsUpdated } from './schemas.ts';
import { publishDiscordMeta, updateSettings } from './service.ts';
import { settingsExamples } from './examples.ts';

const route = restRoutes('aurora: settings');

export const settingsRouter = router({
  get: auroraProcedure
    .meta(
      route('GET /api/settings', 'The whole settings document, defaults filled in', { example: settingsExamples.get }),
    )
    .input(noInput)
    .output(botSettings)
    .query(({ ctx }) => readSettings(ctx.em)),

  update: announced(
    auroraProcedure
      .meta(
        route('POST /api/settings', 'Deep-merge a partial settings document', {
          example: settingsExamples.update,
          errors: [400],
          description:
            'The merged document is validated as a whole: an unknown key or a bad value answers 400 and changes nothing. __proto__, constructor and prototype are refused.',
        }),
      )
      .input(settingsPatch)
      .output(settingsUpdated)
      .mutation(({ ctx, input }) => updateSettings(ctx.em, input, ctx.now())),
  ),

  meta: auroraProcedure
    .meta(
      route('GET /api/settings/meta', 'Roles, channels and commands, as last published by the bot', {
        example: settingsExamples.meta,
      }),
    )
    .input(noInput)
    .output(discordMeta)
    .query(({ ctx }) => readDiscordMeta(ctx.em)),

  publishMeta: announced(
    auroraProcedure
      .meta(
        route('PUT /api/settings/meta', "Publish the bot's Discord metadata", {
          example: settingsExamples.publishMeta,
          errors: [400],
        }),
      )
      .input(discordMeta)
      .output(discordMeta)
      .mutation(({ ctx, input }) => publishDiscordMeta(ctx.em, input, ctx.now())),
  ),
});
