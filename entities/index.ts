// Every entity the ORM knows, for both API families.
import { AuroraAdminAction } from './aurora/admin-action.ts';
import { AuroraClass } from './aurora/class.ts';
import { AuroraInventoryEntry } from './aurora/inventory-entry.ts';
import { AuroraItem } from './aurora/item.ts';
import { AuroraLootdrop } from './aurora/lootdrop.ts';
import { AuroraModerationCase } from './aurora/moderation-case.ts';
import { AuroraQuest } from './aurora/quest.ts';
import { AuroraRowCount } from './aurora/row-count.ts';
import { AuroraSetting } from './aurora/setting.ts';
import { AuroraTransaction } from './aurora/transaction.ts';
import { AuroraUser } from './aurora/user.ts';
import { AuroraUserQuest } from './aurora/user-quest.ts';
import { CommandAudit } from './hubgw/command-audit.ts';
import { Cooldown } from './hubgw/cooldown.ts';
import { Home } from './hubgw/home.ts';
import { LiveEvent } from './live-event.ts';
import { LiveEventHorizon } from './live-event-horizon.ts';
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
  AuroraUser,
  AuroraClass,
  AuroraItem,
  AuroraInventoryEntry,
  AuroraTransaction,
  AuroraModerationCase,
  AuroraQuest,
  AuroraUserQuest,
  AuroraLootdrop,
  AuroraSetting,
  AuroraAdminAction,
  AuroraRowCount,
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
  LiveEvent,
  LiveEventHorizon,
];
