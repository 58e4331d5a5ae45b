// Security at the HTTP edge: headers on every response, smuggling-shaped requests refused, no internals in errors.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { hubgw, request, useTestServer } from '../support/server.ts';

const server = useTestServer();

/** Sends bytes as they are, which fetch would never allow, and returns the raw response. */
function raw(payload: string): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(payload));
    let text = '';
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy());
  });
}

describe('security headers', () => {
  it('are on every kind of response', async () => {
    const responses = [
      await request(server, 'GET', '/api/health'),
      await hubgw(server, 'GET', '/health'),
      await request(server, 'GET', '/api/nothing'),
      await request(server, 'GET', '/openapi.json'),
      await request(server, 'GET', '/docs'),
      await request(server, 'GET', '/assets/items/1.png'),
    ];
    for (const res of responses) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toBeTruthy();
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('request smuggling', () => {
  const body = '{"player_uuid":"069a79f4-44e9-4726-a5be-fca90e38aaf5","name":"x"}';

  it.each([
    ['two different Content-Length headers', `Content-Length: ${body.length}\r\nContent-Length: 5\r\n`],
    ['two equal Content-Length headers', `Content-Length: ${body.length}\r\nContent-Length: ${body.length}\r\n`],
    ['Content-Length with Transfer-Encoding', `Content-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n`],
  ])('refuses %s with 400', async (_name, lengthHeaders) => {
    const response = await raw(
      `POST /api/v1/homes/get HTTP/1.1\r\nHost: localhost\r\nX-API-Key: test\r\nContent-Type: application/json\r\n${lengthHeaders}\r\n${body}`,
    );
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
  });
});
