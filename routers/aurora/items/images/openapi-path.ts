// The OpenAPI description of GET /assets/items/{filename}, which the images' own route serves, not a procedure.
import { AppError } from '#src/errors.ts';
import { errorExamples } from '#rest/openapi-examples.ts';
import { auroraErrorFormat } from '../../error-format.ts';
import { IMAGE_TYPES } from './image-rule.ts';

export const assetsPath = {
  get: {
    operationId: 'aurora-assets-item',
    summary: "An item's uploaded image",
    description:
      'Served with its content type, `Cache-Control: public, max-age=86400` and an ETag. Only `<id>.<ext>` names exist.',
    tags: ['aurora: items'],
    security: [],
    parameters: [
      {
        in: 'path',
        name: 'filename',
        required: true,
        schema: { type: 'string', pattern: '^\\d{1,10}\\.(png|jpg|webp|gif)$' },
        example: '1.png',
      },
    ],
    responses: {
      200: {
        description: 'The image',
        headers: { ETag: { schema: { type: 'string' } }, 'Cache-Control': { schema: { type: 'string' } } },
        content: Object.fromEntries(
          Object.values(IMAGE_TYPES).map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
        ),
      },
      304: { description: 'Not modified since the ETag given in If-None-Match' },
      404: {
        description: 'Not found',
        content: {
          'application/json': {
            schema: { $ref: `#/components/schemas/${auroraErrorFormat.schemaName}` },
            examples: errorExamples(auroraErrorFormat, new AppError('not_found', 'Asset not found')),
          },
        },
      },
    },
  },
};
