/**
 * The naming rules of Prometheus' metric lint (`promtool check metrics`) that a scrape can break:
 * `_total` only and always on counters, `_count`/`_sum`/`_bucket` only on histograms and summaries,
 * a HELP and a TYPE for every family, snake_case names without colons (reserved for recording rules).
 * A family with samples but no TYPE line is untyped, and counts as a non-counter here.
 */
export function namingProblems(text: string): string[] {
  const types = new Map<string, string>();
  const helped = new Set<string>();
  const sampled = new Set<string>();
  for (const line of text.split('\n')) {
    const declared = /^# (TYPE|HELP) (\S+)(?: (\S+))?/.exec(line);
    if (declared?.[1] === 'TYPE') types.set(declared[2], declared[3]);
    else if (declared) helped.add(declared[2]);
    else if (line && !line.startsWith('#')) sampled.add(/^[^{ ]+/.exec(line)![0]);
  }
  for (const name of sampled) {
    const family = name.replace(/_(bucket|count|sum)$/, '');
    const typed = types.has(name) || /^(histogram|summary)$/.test(types.get(family) ?? '');
    if (!typed) types.set(name, 'untyped');
  }

  const problems: string[] = [];
  for (const [name, type] of types) {
    const problem = (message: string) => problems.push(`${name} (${type}): ${message}`);
    if (!helped.has(name)) problem('no HELP text');
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) problem('not a snake_case name without colons');
    if (type === 'counter' && !name.endsWith('_total')) problem('counter metrics should have the "_total" suffix');
    if (type !== 'counter' && name.endsWith('_total')) problem('non-counter metrics should not have the "_total" suffix');
    if (!/^(histogram|summary)$/.test(type) && /_(count|sum|bucket)$/.test(name)) problem('"_count", "_sum" and "_bucket" are for histograms and summaries');
  }
  return problems;
}
