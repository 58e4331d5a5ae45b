// Reading PostgreSQL's text form of a timestamptz: the positional reader against the instant it names, for every form
// PostgreSQL prints (fractions of 0 to 6 digits, whole-hour and half-hour offsets), and the forms it leaves to Date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timestampOf } from '#src/database/timestamptz.ts';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** How PostgreSQL prints an instant at an offset: trailing zeros of the microseconds dropped, `+HH` or `+HH:MM`. */
function printed(instantMs: number, micros: number, offsetMinutes: number): string {
  const local = new Date(instantMs + offsetMinutes * 60_000);
  const date = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
  const fraction = pad(local.getUTCMilliseconds() * 1000 + micros, 6).replace(/0+$/, '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hours = pad(Math.floor(Math.abs(offsetMinutes) / 60));
  const minutes = Math.abs(offsetMinutes) % 60;
  return `${date} ${time}${fraction ? `.${fraction}` : ''}${sign}${hours}${minutes ? `:${pad(minutes)}` : ''}`;
}

describe('timestampOf', () => {
  it('reads every instant PostgreSQL prints, at any offset, to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(100, 0, 2), max: Date.UTC(9999, 11, 30) }),
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }).map((quarters) => quarters * 15),
        (instantMs, micros, offsetMinutes) => {
          const text = printed(instantMs, micros, offsetMinutes);
          expect(timestampOf(text).getTime(), text).toBe(instantMs);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['2024-01-01 12:00:00+00', Date.UTC(2024, 0, 1, 12)],
    ['2024-01-01 12:00:00.5+05:30', Date.UTC(2024, 0, 1, 6, 30, 0, 500)],
    ['2024-01-01 12:00:00.123456-08', Date.UTC(2024, 0, 1, 20, 0, 0, 123)],
    ['0099-06-01 00:00:00+00', Date.parse('0099-06-01T00:00:00Z')],
  ])('reads %s', (text, expected) => {
    expect(timestampOf(text).getTime()).toBe(expected);
  });

  it.each(['infinity', '2024-1x-01 12:00:00+00'])('leaves %s to Date, which finds no instant in it', (text) => {
    expect(timestampOf(text).getTime()).toBeNaN();
  });
});
