import { InitialSchema1795000000000 } from './1795000000000-InitialSchema';

/** Every migration, in order. `npm run migration:generate` writes a file; add its class here. */
export const MIGRATIONS = [InitialSchema1795000000000];
