import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export function buildDataSourceOptions(databaseUrl: string, poolSize = 2): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [],
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Idle connections stay open: a new one starts a backend whose caches are cold and whose
    // prepared statements are gone, and the bench measured each rise in traffic paying for that.
    // JIT off: its planner cost threshold is crossed by roster subqueries that run in about a
    // millisecond, and compiling them took 45-50 ms each (auto_explain, docs/benchmarks.md).
    extra: { max: poolSize, idleTimeoutMillis: 0, options: '-c jit=off' },
  };
}
