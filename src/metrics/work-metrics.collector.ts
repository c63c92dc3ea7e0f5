import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';
import { WorkMetricsRepository } from './work-metrics.repository';

/** Gauges computed from Postgres when Prometheus scrapes, never kept in memory between scrapes. */
@Injectable()
export class WorkMetricsCollector {
  constructor(metrics: MetricsRegistry, repository: WorkMetricsRepository) {
    const registers = [metrics.registry];
    new Gauge({
      name: 'surgeline_queue_depth',
      help: 'Conversations waiting for an agent, by language',
      labelNames: ['language'],
      registers,
      async collect() {
        const rows = await repository.queueDepthByLanguage();
        // A language whose queue emptied must drop to nothing, not keep its last value.
        this.reset();
        for (const row of rows) this.set({ language: row.language }, row.count);
      },
    });
    new Gauge({
      name: 'surgeline_conversations_unroutable',
      help: 'Queued conversations that no agent on the roster (signed in, or with a claimed shift within 2 hours) can take',
      registers,
      async collect() {
        this.set(await repository.unroutableConversations());
      },
    });
    new Gauge({
      name: 'surgeline_open_assignments',
      help: 'Conversations currently held by an agent',
      registers,
      async collect() {
        this.set(await repository.openAssignments());
      },
    });
    new Gauge({
      name: 'surgeline_sla_breaches',
      help: "Conversations past the active incident's first-reply SLA: still waiting, or answered late in the last hour",
      labelNames: ['state'],
      registers,
      async collect() {
        const counts = await repository.slaBreaches();
        this.set({ state: 'waiting' }, counts.waiting);
        this.set({ state: 'answered_late_last_hour' }, counts.answeredLate);
      },
    });
  }
}
