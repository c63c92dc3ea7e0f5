import { dropDatabase, withAdminClient } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.SURGELINE_TEST_TEMPLATE;
  if (template) await withAdminClient((client) => dropDatabase(client, template));
}
