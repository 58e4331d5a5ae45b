// The values HubGW's examples share: one player, one staff member, one moment, so that the examples of one resource
// can be tried one after another in Swagger UI and still name the same things.
export const PLAYER_UUID = '8667ba71-b85a-4004-af54-457a9734eed7';
export const PLAYER_NAME = 'Steve';
export const STAFF_UUID = 'c06f8906-4c8a-4911-9c29-ea1dbd1aab82';
export const STAFF_NAME = 'Alex';
/** Another player, for an error that names someone else. */
export const OTHER_UUID = '069a79f4-44e9-4726-a5be-fca90e38aaf5';
/** When the examples' records were written. */
export const AT = '2024-01-01T00:00:00Z';
/** When a punishment, a cooldown or a whitelist entry of the examples runs out: still ahead, so each is active. */
export const UNTIL = '2030-01-01T00:00:00Z';
/** Where the examples' homes, warps and teleports are. */
export const LOCATION = { world: 'world', x: 128.5, y: 64, z: -240.5, yaw: 90, pitch: 0 };
