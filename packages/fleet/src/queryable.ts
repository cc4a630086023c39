import type pg from 'pg';

/** Something that runs a query: a pool or one of its clients. */
export type Queryable = Pick<pg.Pool, 'query'>;
