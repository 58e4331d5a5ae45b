// What an item image may be: the rule the REST adapter holds an upload to (field, size, the types read from its
// bytes), and the types the store keeps and the /assets route serves.
import type { UploadRule } from '#src/uploads.ts';

export const IMAGE_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
} as const;

export type ImageExtension = keyof typeof IMAGE_TYPES;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type from the file's first bytes, whatever its name or declared type says. */
export function sniffImage(head: Buffer): ImageExtension | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
  if (head.length >= 6 && ['GIF87a', 'GIF89a'].includes(head.subarray(0, 6).toString('latin1'))) return 'gif';
  if (
    head.length >= 12 &&
    head.subarray(0, 4).toString('latin1') === 'RIFF' &&
    head.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp';
  return null;
}

export const ITEM_IMAGE: UploadRule<ImageExtension> = {
  noun: 'image',
  field: 'image',
  maxBytes: 15 * 1024 * 1024,
  headBytes: 12,
  typeOf: sniffImage,
  described: 'PNG, JPEG, WebP or GIF, at most 15 MB; the type is read from the bytes',
  tooLarge: 'Image exceeds 15 MB',
  wrongType: 'The image must be a PNG, JPEG, WebP or GIF file',
};
