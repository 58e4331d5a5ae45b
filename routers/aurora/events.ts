// The Aurora family's published events (events/publish.ts): each resource's, so the family's event union reads them.
export * from './users/events.ts';
