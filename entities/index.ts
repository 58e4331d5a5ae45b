// Every entity of both API families; the platform adds its own (the live events) when it opens the database.
import { AdminAction } from './aurora/admin-action.ts';
import { Class } from './aurora/class.ts';
import { InventoryEntry } from './aurora/inventory-entry.ts';
import { Item } from './aurora/item.ts';
import { ItemImage } from './aurora/item-image.ts';
import { Lootdrop } from './aurora/lootdrop.ts';
import { ModerationCase } from './aurora/moderation-case.ts';
import { Quest } from './aurora/quest.ts';
import { RowCount } from './aurora/row-count.ts';
import { Setting } from './aurora/setting.ts';
import { Transaction } from './aurora/transaction.ts';
import { User } from './aurora/user.ts';
import { UserQuest } from './aurora/user-quest.ts';
import { CommandAudit } from './hubgw/command-audit.ts';
import { Cooldown } from './hubgw/cooldown.ts';
import { Home } from './hubgw/home.ts';
import { Kit } from './hubgw/kit.ts';
import { Punishment } from './hubgw/punishment.ts';
import { TeleportHistoryEntry } from './hubgw/teleport-history-entry.ts';
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
  User,
  Class,
  Item,
  ItemImage,
  InventoryEntry,
  Transaction,
  ModerationCase,
  Quest,
  UserQuest,
  Lootdrop,
  Setting,
  AdminAction,
  RowCount,
  Home,
  Kit,
  Cooldown,
  Warp,
  WhitelistEntry,
  Punishment,
  CommandAudit,
  TeleportHistoryEntry,
  UserLink,
  LuckPermsPlayer,
  LuckPermsGroup,
  LuckPermsUserPermission,
  LuckPermsGroupPermission,
  LuckPermsAction,
  LuckPermsTrack,
];
