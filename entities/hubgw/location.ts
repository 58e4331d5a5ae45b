// The columns of a place in a Minecraft world, shared by homes and warps.
import { p } from '@mikro-orm/core';

export function locationProperties() {
  return {
    world: p.string().length(64),
    x: p.float().columnType('double precision'),
    y: p.float().columnType('double precision'),
    z: p.float().columnType('double precision'),
    yaw: p.float().columnType('double precision'),
    pitch: p.float().columnType('double precision'),
  };
}
