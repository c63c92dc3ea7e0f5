import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/env.schema';
import { buildDataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI (`npm run migration:run`). */
export default new DataSource(buildDataSourceOptions(validateEnvironment(process.env).DATABASE_URL));
