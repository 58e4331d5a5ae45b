// The values Aurora's examples share, from its document: one user, one moderator, one item, one class, one moment,
// so that the examples tried one after another in Swagger UI name the same things.
export const USER_ID = '123456789012345678';
/** The user a transfer pays, onboarded by the examples before it. */
export const OTHER_USER_ID = '876543210987654321';
export const MODERATOR_ID = '987654321';
export const AT = '2024-01-01T00:00:00Z';
export const LATER = '2024-01-15T12:00:00Z';

export const ITEM = {
  id: 1,
  name: 'Health Potion',
  description: 'Restores HP',
  type: 'CONSUMABLE',
  rarity: 'C',
  price: '100',
  iconUrl: '/assets/items/1.png',
  imageUrl: '/assets/items/1.png',
  usageData: { consume: true, effects: [] },
};

/** The class the class examples create, which the user examples then join. */
export const CLASS = { id: '2', name: 'Mage', balance: '0', roleId: '987654321' };

export const USER = {
  id: USER_ID,
  username: 'Player1',
  balance: '1000',
  xp: '500',
  level: 5,
  dailyStreak: 3,
  isActive: true,
  classId: CLASS.id,
  class: { id: CLASS.id, name: CLASS.name, balance: '5000' },
  settings: {},
  createdAt: AT,
  updatedAt: LATER,
};

export const QUEST = {
  id: 1,
  name: 'Daily Login',
  description: 'Login once',
  triggerEvent: 'login',
  requirements: { target: 1 },
  rewards: { xp: 50, balance: 100 },
};
