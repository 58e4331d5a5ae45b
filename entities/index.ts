// Every entity the ORM knows, for both API families.
import { Home } from './hubgw/home.ts';

export const entities = [Home];
