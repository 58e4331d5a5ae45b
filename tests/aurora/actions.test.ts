// Aurora's admin actions, as the Aurora API document describes them.
import { describe, expect, it } from 'vitest';
import { request, useTestServer, testClock } from '../support/server.ts';

const clock = testClock(new Date('2030-01-01T10:30:00.000Z'));
const server = useTestServer({ clock: clock.read });

describe('actions', () => {
  it('reload-commands and clear-cache answer {success: true} and are recorded', async () => {
    expect(await request(server, 'POST', '/api/actions/reload-commands')).toMatchObject({
      status: 200,
      body: { success: true, message: 'Command reload requested' },
    });
    expect(await request(server, 'POST', '/api/actions/clear-cache')).toMatchObject({
      status: 200,
      body: { success: true, message: 'Caches cleared' },
    });
    const recorded = await server.sql<{ action: string }>('select action from aurora.admin_actions order by id');
    expect(recorded.map((row) => row.action)).toEqual(['reload-commands', 'clear-cache']);
  });

  it('maintenance-mode is persisted in settings and shows in stats', async () => {
    const on = await request(server, 'POST', '/api/actions/maintenance-mode', {
      json: { enabled: true, reason: 'Updating...' },
    });
    expect(on.body).toEqual({ success: true, enabled: true, reason: 'Updating...' });
    expect((await request(server, 'GET', '/api/settings')).body.system).toEqual({
      maintenanceMode: true,
      maintenanceReason: 'Updating...',
    });
    expect((await request(server, 'GET', '/api/stats')).body.maintenanceMode).toBe(true);
    await request(server, 'POST', '/api/actions/maintenance-mode', { json: { enabled: false } });
    expect((await request(server, 'GET', '/api/settings')).body.system).toEqual({
      maintenanceMode: false,
      maintenanceReason: null,
    });
    expect((await request(server, 'POST', '/api/actions/maintenance-mode', { json: { enabled: 'yes' } })).status).toBe(
      400,
    );
  });
});
