// PostgreSQL's text form of a timestamptz, read into a Date. Every timestamp of every row passes here, so the usual
// form (`2024-01-01 12:00:00.123456+00`, any offset) is read by position; anything else (years before 100, offsets
// with seconds, `infinity`) goes through Date's own parser.

const ZERO = 48;
const DASH = 45;
const SPACE = 32;
const DOT = 46;
const PLUS = 43;

/** The number the digits in [start, end) spell, or -1 if any is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function parsedByDate(text: string): Date {
  const iso = text.replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(iso) ? `${iso}:00` : iso);
}

export function timestampOf(text: string): Date {
  if (text.length < 22 || text.charCodeAt(4) !== DASH || text.charCodeAt(10) !== SPACE) return parsedByDate(text);
  let at = 19;
  let millis = 0;
  if (text.charCodeAt(at) === DOT) {
    // Microseconds in, milliseconds out: the digits past the third are dropped, as Date's parser drops them.
    let digits = 0;
    for (at++; at < text.length; at++, digits++) {
      const digit = text.charCodeAt(at) - ZERO;
      if (digit < 0 || digit > 9) break;
      if (digits < 3) millis = millis * 10 + digit;
    }
    for (; digits < 3; digits++) millis *= 10;
  }
  const sign = text.charCodeAt(at);
  const offsetLength = text.length - at;
  if ((sign !== PLUS && sign !== DASH) || (offsetLength !== 3 && offsetLength !== 6)) return parsedByDate(text);
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  const hour = digitsAt(text, 11, 13);
  const minute = digitsAt(text, 14, 16);
  const second = digitsAt(text, 17, 19);
  const offsetHours = digitsAt(text, at + 1, at + 3);
  const offsetMinutes = offsetLength === 6 ? digitsAt(text, at + 4, at + 6) : 0;
  // Date.UTC reads years 0 to 99 as 1900 to 1999. A field that is not digits is -1, which makes the OR negative.
  if (year < 100 || (month | day | hour | minute | second | offsetHours | offsetMinutes) < 0) return parsedByDate(text);
  const offsetMs = (sign === PLUS ? 1 : -1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMs);
}
