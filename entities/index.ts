// Every entity the ORM knows, for both API families.
import { CommandAudit } from './hubgw/command-audit.ts';
import { Cooldown } from './hubgw/cooldown.ts';
import { Home } from './hubgw/home.ts';
import { Kit } from './hubgw/kit.ts';
import { Punishment } from './hubgw/punishment.ts';
import { Teleport } from './hubgw/teleport.ts';
import { UserLink } from './hubgw/user-link.ts';
import { Warp } from './hubgw/warp.ts';
import { WhitelistEntry } from './hubgw/whitelist-entry.ts';
import {
  LuckPermsAction,
  LuckPermsGroup,
  LuckPermsGroupPermission,
  LuckPermsPlayer,
  LuckPermsTrack,
  LuckPermsUserPermission,
} from './luckperms/tables.ts';

export const entities = [
  Home,
  Kit,
  Cooldown,
  Warp,
  WhitelistEntry,
  Punishment,
  CommandAudit,
  Teleport,
  UserLink,
  LuckPermsPlayer,
  LuckPermsGroup,
  LuckPermsUserPermission,
  LuckPermsGroupPermission,
  LuckPermsAction,
  LuckPermsTrack,
];
